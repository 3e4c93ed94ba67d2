// A multi-select as a list of checkboxes: "all" when nothing is ticked.
import { useId } from 'react';
import { toggleValue } from './chart-draft';

export function ValuePicker({
  label,
  values,
  selected,
  onChange,
  disabled = false
}: {
  label: string;
  values: string[];
  selected: string[];
  onChange: (selected: string[]) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const offered = [...values, ...selected.filter((value) => !values.includes(value))];
  return (
    <fieldset className="value-picker" disabled={disabled} aria-describedby={`${id}-hint`}>
      <legend>{label}</legend>
      <div className="value-picker-head">
        <span id={`${id}-hint`} className="value-picker-hint">
          {selected.length === 0 ? 'All' : `${selected.length} of ${offered.length}`}
        </span>
        {selected.length > 0 && (
          <button type="button" className="link-button" onClick={() => onChange([])}>
            Clear
          </button>
        )}
      </div>
      <div className="value-picker-list">
        {offered.length === 0 && <span className="value-picker-hint">None</span>}
        {offered.map((value) => (
          <label key={value} className="value-picker-item">
            <input type="checkbox" checked={selected.includes(value)} onChange={() => onChange(toggleValue(selected, value, values))} />
            <span>{value}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
