// What a command asks of the world beyond the state: the app runs these after the store is
// set (the clipboard, a file, the fetch child, quitting, loading another dataset).
export type Effect =
  | { type: 'copy' }
  | { type: 'export'; file?: string }
  | { type: 'refresh' }
  | { type: 'quit' }
  | { type: 'dataset'; id: string };

export interface Outcome<S> {
  state: S;
  effects: Effect[];
}
