import type { LucideIcon } from 'lucide-react';
import './SegmentedControl.css';

export interface Segment<V extends string> {
  value: V;
  label: string;
  icon: LucideIcon;
}

interface SegmentedControlProps<V extends string> {
  /** Radios in a group share a name; that is what gives them arrow-key movement for free. */
  name: string;
  labelledBy: string;
  describedBy?: string;
  segments: readonly Segment<V>[];
  value: V;
  onChange(value: V): void;
}

/** A radiogroup drawn as a segmented control; each segment is a real radio input under its face. */
export function SegmentedControl<V extends string>({
  name,
  labelledBy,
  describedBy,
  segments,
  value,
  onChange,
}: SegmentedControlProps<V>) {
  return (
    <div className="segmented" role="radiogroup" aria-labelledby={labelledBy} aria-describedby={describedBy}>
      {segments.map(({ value: segmentValue, label, icon: Icon }) => (
        <label key={segmentValue} className="segmented__segment">
          <input
            className="segmented__input"
            type="radio"
            name={name}
            value={segmentValue}
            checked={segmentValue === value}
            onChange={() => onChange(segmentValue)}
          />
          <span className="segmented__face">
            <Icon size={14} aria-hidden="true" />
            {label}
          </span>
        </label>
      ))}
    </div>
  );
}
