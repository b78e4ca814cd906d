import { Gauge, SlidersHorizontal, Snail, Zap } from 'lucide-react';
import type { TxReview } from '../../shared/review';
import type { FeeChoice } from '../../shared/tx';
import type { Segment } from '../controls/SegmentedControl';
import { feeRange } from './txWords';

const SPEEDS: readonly Segment<FeeChoice>[] = [
  { value: 'slow', label: 'Slow', icon: Snail },
  { value: 'normal', label: 'Normal', icon: Gauge },
  { value: 'fast', label: 'Fast', icon: Zap },
  { value: 'custom', label: 'Custom', icon: SlidersHorizontal },
];

/**
 * The Speed choices, each with its fee range once a review is in: "Fast · 0.000021 – 0.000042 ETH". Custom
 * shows one only when the review is for the user's own fees, since no preset stands for it.
 */
export function speedSegments(reviewed: TxReview | null): Segment<FeeChoice>[] {
  return SPEEDS.map((segment) => {
    if (!reviewed) return segment;
    const { fees } = reviewed;
    const fee =
      segment.value === 'custom'
        ? fees.speed === 'custom'
          ? fees.chosen
          : null
        : fees.speeds[segment.value];
    if (!fee) return segment;
    return {
      ...segment,
      label: `${segment.label} · ${feeRange(fee.likely, fee.max, fees.nativeDecimals, fees.nativeSymbol)}`,
    };
  });
}
