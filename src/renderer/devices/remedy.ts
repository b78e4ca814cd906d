export type RemedySegment = { kind: 'text'; text: string } | { kind: 'commands'; lines: string[] };

/** Where a shell command starts: a `$ ` prompt, or a program a remedy tells the user to run. */
const COMMAND_START = /(?:^|\s)(?:\$\s+)?(?=(?:sudo|udevadm|wget|curl|usermod)\s)/;
/** Where an inline command ends and the sentence goes on: ", then …" or "; …". */
const COMMAND_END = /,\s+(?=then\b)|;\s+/;

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Splits a remedy into prose and the shell commands in it, in order, so commands can be shown as a block to
 * copy: a retyped udev rule fails silently. Main writes them inline ("Install the udev rules: sudo cp … &&
 * sudo udevadm trigger, then replug it."), on lines of their own, or in ``` fences; all three are found, and a
 * `&&` chain is shown one command a line.
 */
export function splitRemedy(remedy: string): RemedySegment[] {
  const segments: RemedySegment[] = [];
  const addText = (text: string) => {
    const trimmed = text.trim();
    if (!trimmed) return;
    const last = segments.at(-1);
    if (last?.kind === 'text') last.text = `${last.text} ${trimmed}`;
    else segments.push({ kind: 'text', text: trimmed });
  };
  const addCommands = (lines: string[]) => {
    const last = segments.at(-1);
    if (last?.kind === 'commands') last.lines.push(...lines);
    else segments.push({ kind: 'commands', lines });
  };

  let fenced = false;
  for (const line of remedy.split('\n')) {
    if (line.trim().startsWith('```')) {
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      addCommands([line.trimEnd()]);
      continue;
    }
    const start = line.search(COMMAND_START);
    if (start < 0) {
      addText(line);
      continue;
    }
    addText(line.slice(0, start));
    const rest = line
      .slice(start)
      .trim()
      .replace(/^\$\s+/, '');
    const end = rest.search(COMMAND_END);
    const command = (end < 0 ? rest : rest.slice(0, end)).replace(/\.$/, '');
    addCommands(command.split(/\s+&&\s+/));
    if (end >= 0) addText(capitalize(rest.slice(end).replace(COMMAND_END, '')));
  }
  return segments;
}
