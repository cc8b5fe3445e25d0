// Improvement: the improvement-over-days plot and the total-improvement table (§4); `n`
// normalised, `u` points / % of reference, `m` how the presets are formed (lineage / name
// pattern), `b` the score (the average, then each benchmark), `f` the family picker (presets, a
// pattern with params, or a base repo).
import React, { useMemo, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import type { ScreenProps } from './screen-props.js';
import { ViewScreen } from './ViewScreen.js';
import { cachedView, screenOptions } from '../services/view-cache.js';
import { chosenSpecs, initialPicker, pick, rows, type PickerState } from '../state/family-picker.js';
import { editText } from '../keys/text-edit.js';
import { keyName } from '../keys/keymap.js';
import { fitLine } from '../components/fit-line.js';
import { defaultMode } from '../../views/view-options.js';
import { nextScore, scoreHint } from '../state/score-cycle.js';

function Picker(props: { state: PickerState; width: number; height: number }): React.JSX.Element {
  const { state } = props;
  const lines = [
    'Families (↑↓ move, Space/Enter toggle, o only this one, a add, Esc done):',
    ...state.items.map((item, i) => `${i === state.cursor ? '›' : ' '} [${item.on ? 'x' : ' '}] ${item.label}${item.label !== item.spec ? `  (${item.spec})` : ''}`),
    state.adding !== null
      ? `› add: ${state.adding}█   (pattern:P[:params[:range]] e.g. pattern:mistral7b:7, or a base repo org/name)`
      : `${state.cursor === state.items.length ? '›' : ' '} + add a family: a name pattern with params, or a base repo`,
  ];
  const start = Math.max(0, Math.min(state.cursor + 1 - Math.floor(props.height / 2), lines.length - props.height));
  return (
    <Box flexDirection="column" height={props.height}>
      {lines.slice(start, start + props.height).map((line, i) => (
        <Text key={i} wrap="truncate">
          {fitLine(line, props.width)}
        </Text>
      ))}
    </Box>
  );
}

export function ImprovementScreen(props: ScreenProps): React.JSX.Element {
  const [normalised, setNormalised] = useState(false);
  const [percent, setPercent] = useState(false);
  // undefined: the dataset's default (lineage with Hub metadata, else the name pattern)
  const [chosenMode, setMode] = useState<'lineage' | 'pattern' | undefined>(undefined);
  const [score, setScore] = useState<string | undefined>(undefined);
  const mode = chosenMode ?? defaultMode(props.dataset);
  const [picker, setPicker] = useState<PickerState>(initialPicker);
  const [open, setOpen] = useState(false);
  const families = chosenSpecs(picker);
  const view = useMemo(
    () => {
      // the opening choice (every preset, points) is the options the warm-up builds
      const allPresets = families.length === picker.items.length && picker.items.every((i) => i.on) && picker.items.length === initialPicker().items.length;
      const extra = {
        ...(allPresets || families.length === 0 ? {} : { families }),
        ...(normalised ? { normalised } : {}),
        ...(percent ? { percent } : {}),
        ...(chosenMode === undefined || chosenMode === defaultMode(props.dataset) ? {} : { mode: chosenMode }),
        ...(score === undefined ? {} : { score }),
      };
      return cachedView('improvement', props.dataset, screenOptions(props.period, props.now, extra));
    },
    [props.dataset, families.join('\n'), normalised, percent, chosenMode, score],
  );
  const close = (): void => {
    setOpen(false);
    props.setCapture(false);
  };
  useInput(
    (input, key) => {
      if (picker.adding !== null) {
        const result = editText(picker.adding, input, key);
        if (result.kind === 'cancel') setPicker((s) => pick(s, { type: 'cancel-add' }));
        else if (result.kind === 'edit') setPicker((s) => pick(s, { type: 'edit', text: result.text }));
        else setPicker((s) => pick({ ...s, adding: result.text }, { type: 'add' }));
        return;
      }
      const name = keyName(input, key);
      if (name === 'escape' || name === 'f') close();
      else if (name === 'up' || name === 'k') setPicker((s) => pick(s, { type: 'move', by: -1 }));
      else if (name === 'down' || name === 'j') setPicker((s) => pick(s, { type: 'move', by: 1 }));
      else if (name === 'space' || name === 'enter') setPicker((s) => pick(s, { type: 'toggle' }));
      else if (name === 'o') setPicker((s) => pick(s, { type: 'only' }));
      else if (name === 'a') setPicker((s) => pick(s, { type: 'start-add' }));
    },
    { isActive: props.active && open },
  );
  const unit = normalised ? 'normalised by ln(1 + n(d))' : percent ? '% of the reference score' : 'score points';
  const formed = mode === 'lineage' ? 'presets by lineage' : 'presets by name pattern';
  const header = [`${chosenSpecs(picker).length} families · ${formed} (m) · ${unit} (n, u) · ${scoreHint(score)} · f: families`];
  if (open) {
    const pickerHeight = Math.min(rows(picker) + 1, Math.max(6, Math.floor(props.height / 2)));
    return (
      <Box flexDirection="column" height={props.height}>
        <Picker state={picker} width={props.width} height={pickerHeight} />
        <ViewScreen {...props} active={false} height={props.height - pickerHeight} screen="improvement" view={view} header={header} />
      </Box>
    );
  }
  return (
    <ViewScreen
      {...props}
      screen="improvement"
      view={view}
      header={header}
      onCommand={(command) => {
        if (command === 'normalise') {
          setNormalised((n) => !n);
          setPercent(false);
        } else if (command === 'unit') {
          setPercent((p) => !p);
          setNormalised(false);
        } else if (command === 'mode') {
          setMode(mode === 'lineage' ? 'pattern' : 'lineage');
        } else if (command === 'score') {
          setScore((s) => nextScore(props.dataset.generation, s));
        } else if (command === 'families') {
          setOpen(true);
          props.setCapture(true);
        } else return false;
        return true;
      }}
    />
  );
}
