import type { InputHTMLAttributes } from 'react';
import './Switch.css';

/** An on/off setting: a real checkbox, announced as a switch, drawn as a track and knob. */
export function Switch(props: Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'role'>) {
  return <input {...props} type="checkbox" role="switch" className="switch" />;
}
