export interface RemedyParts {
  /** The explanation, as prose. */
  text: string;
  /** Shell commands to run as they are, e.g. the udev rules a Linux user needs for USB access. */
  commands: string[];
}

const SHELL_LINE = /^\s*(?:\$\s+|sudo\s|echo\s|udevadm\s|cat\s|wget\s|curl\s|printf\s|usermod\s|newgrp\s)/;

/**
 * Splits a remedy into prose and the shell commands in it, so the commands can be shown as a block to copy:
 * a retyped udev rule is a silent failure. Fenced ``` blocks and lines that start like a command both count.
 */
export function splitRemedy(remedy: string): RemedyParts {
  const text: string[] = [];
  const commands: string[] = [];
  let fenced = false;
  for (const line of remedy.split('\n')) {
    if (line.trim().startsWith('```')) {
      fenced = !fenced;
      continue;
    }
    if (fenced || SHELL_LINE.test(line)) commands.push(line.replace(/^\s*\$\s+/, '').trimEnd());
    else if (line.trim()) text.push(line.trim());
  }
  return { text: text.join(' '), commands };
}
