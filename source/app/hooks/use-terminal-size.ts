// The terminal's size, following resizes. Tests pass a fixed size (ink-testing-library's
// stdout is fixed at 100 columns, so the app never reads width from it there).
import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

export interface Size {
  columns: number;
  rows: number;
}

export function useTerminalSize(fixed?: Size): Size {
  const { stdout } = useStdout();
  const read = (): Size => ({ columns: stdout.columns || 100, rows: stdout.rows || 24 });
  const [size, setSize] = useState<Size>(fixed ?? read);
  useEffect(() => {
    if (fixed) return undefined;
    const onResize = (): void => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, fixed]);
  return fixed ?? size;
}
