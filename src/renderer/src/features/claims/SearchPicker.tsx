// A search box with its results listed under it: type to narrow, arrows and Enter or a click to
// choose. Once chosen, the choice is shown with a button to change it.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { errorMessage } from '../../api/client';

// Short enough to feel instant, long enough not to query on every key of a fast typist.
const SEARCH_DELAY_MS = 120;

export interface SearchPickerProps<T> {
  /** Labels the search box ("Figure A"). */
  label: string;
  placeholder?: string;
  selected: T | null;
  search: (query: string) => Promise<T[]>;
  itemKey: (item: T) => string;
  /** One line for the chosen item and each option's accessible name. */
  describe: (item: T) => string;
  renderOption?: (item: T) => ReactNode;
  onSelect: (item: T) => void;
  /** What to say when nothing matches. */
  emptyText: string;
  /** Take focus when shown (a form opened to choose this). */
  autoFocus?: boolean;
}

export function SearchPicker<T>({
  label,
  placeholder,
  selected,
  search,
  itemKey,
  describe,
  renderOption,
  onSelect,
  emptyText,
  autoFocus = false
}: SearchPickerProps<T>) {
  const ids = useId();
  const [changing, setChanging] = useState(false);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<T[] | null>(null);
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  // The results show while the search box has focus, so two pickers side by side do not both list.
  const [open, setOpen] = useState(false);
  const sequence = useRef(0);
  const input = useRef<HTMLInputElement>(null);
  const searching = selected === null || changing;

  useEffect(() => {
    if (!searching) return;
    const current = ++sequence.current;
    const timer = window.setTimeout(
      async () => {
        try {
          const items = await search(query.trim());
          // Answers can arrive out of order; only the latest query's answer is shown.
          if (current !== sequence.current) return;
          setResults(items);
          setActive(0);
          setProblem(null);
        } catch (error) {
          if (current === sequence.current) setProblem(errorMessage(error));
        }
      },
      query ? SEARCH_DELAY_MS : 0
    );
    return () => window.clearTimeout(timer);
  }, [query, search, searching]);

  useEffect(() => {
    if (changing || autoFocus) input.current?.focus();
  }, [changing, autoFocus]);

  const choose = (item: T) => {
    setOpen(false);
    setChanging(false);
    setQuery('');
    onSelect(item);
  };

  if (!searching && selected !== null) {
    return (
      <div className="picker picker-chosen">
        <span className="picker-label">{label}</span>
        <span className="picker-choice">{describe(selected)}</span>
        <button type="button" className="link-button" aria-label={`Change ${label}`} onClick={() => setChanging(true)}>
          Change
        </button>
      </div>
    );
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = results?.length ?? 0;
    if (event.key === 'ArrowDown' && count) {
      event.preventDefault();
      setActive((index) => (index + 1) % count);
    } else if (event.key === 'ArrowUp' && count) {
      event.preventDefault();
      setActive((index) => (index - 1 + count) % count);
    } else if (event.key === 'Enter') {
      // Enter chooses; it must not submit the form around the picker.
      event.preventDefault();
      if (results?.[active]) choose(results[active]);
    } else if (event.key === 'Escape' && (open || changing)) {
      event.preventDefault();
      event.stopPropagation();
      if (open) setOpen(false);
      else setChanging(false);
    } else if (!open) {
      setOpen(true);
    }
  };

  const listId = `${ids}-results`;
  const optionId = (index: number) => `${ids}-option-${index}`;
  return (
    <div className="picker">
      <label className="picker-label" htmlFor={`${ids}-search`}>
        {label}
      </label>
      {/* The results drop over what follows, so opening and closing them never moves the page
          under the pointer (a click that lands after a shift hits the wrong control). */}
      <div className="picker-field">
        <div className="picker-search">
          <input
            id={`${ids}-search`}
            ref={input}
            type="search"
            role="combobox"
            aria-expanded={open && results !== null && results.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && results?.length ? optionId(active) : undefined}
            placeholder={placeholder}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
          {changing && (
            <button type="button" className="link-button" onClick={() => setChanging(false)}>
              Keep
            </button>
          )}
        </div>
        <div className="picker-popup" hidden={!open}>
          <ul className="picker-results" id={listId} role="listbox" aria-label={`${label} results`}>
            {open &&
              results?.map((item, index) => (
                <li
                  key={itemKey(item)}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  aria-label={describe(item)}
                  className={index === active ? 'picker-option active' : 'picker-option'}
                  // Choosing must not blur the search box first, which would close the list under the click.
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseEnter={() => setActive(index)}
                  onClick={() => choose(item)}
                >
                  {renderOption ? renderOption(item) : describe(item)}
                </li>
              ))}
          </ul>
          {open && results !== null && results.length === 0 && <p className="hint picker-empty">{emptyText}</p>}
        </div>
      </div>
      {problem && <p className="form-problem">{problem}</p>}
    </div>
  );
}
