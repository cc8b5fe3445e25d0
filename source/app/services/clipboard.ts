// Copy text to the user's clipboard with OSC 52: the terminal does the copying, so it works
// over SSH with no helper program. Inside tmux the sequence is wrapped for passthrough.

export function osc52(text: string, env: NodeJS.ProcessEnv = process.env): string {
  const payload = Buffer.from(text, 'utf8').toString('base64');
  const sequence = `\u001b]52;c;${payload}\u0007`;
  if (env.TMUX) return `\u001bPtmux;${sequence.replace(/\u001b/g, '\u001b\u001b')}\u001b\\`;
  return sequence;
}
