// Stands in for react-devtools-core in the bundle (esbuild --alias): Ink loads devtools only
// when DEV=true, a development aid the built tool does not ship.
export default {};
export function connectToDevTools(): void {}
