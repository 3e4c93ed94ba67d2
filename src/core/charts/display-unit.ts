// The one unit a chart's value axis is drawn in. Every figure on the axis must measure the same kind
// of quantity (tonnes with megatonnes, never tonnes with dollars); the unit is the figures' own when
// they agree and it reads well, otherwise the one that keeps the numbers short (t, kt or Mt).
import { AssayError } from '../../shared/errors';
import { convert, normalise, resolveUnit } from '../quantities/units';

export interface UnitFigure {
  value: number;
  unit: string;
  /** How the figure is named in a refusal, e.g. "China, mine production, 2024". */
  label: string;
}

export interface DisplayUnit {
  /** Canonical spelling: "t", "Mt", "%", "billion USD", "" for a plain count. */
  unit: string;
  dimension: string;
  /** A figure's value in the display unit. */
  toDisplay(value: number, unit: string): number;
}

// Units a dimension may be shown in, smallest first. Scale words stand in for missing prefixes.
function ladder(dimension: string): string[] {
  const [kind, code] = dimension.split(':');
  switch (kind) {
    case 'mass':
      return ['kg', 't', 'kt', 'Mt'];
    case 'ratio':
      return ['%'];
    case 'percentage-points':
      return ['pp'];
    case 'count':
      return ['', 'thousand', 'million', 'billion', 'trillion'];
    case 'currency':
      return [code, `million ${code}`, `billion ${code}`, `trillion ${code}`];
    case 'price-per-mass':
      return [`${code}/t`, `${code}/kg`];
    case 'energy':
      return ['Wh', 'kWh', 'MWh', 'GWh', 'TWh'];
    case 'power':
      return ['W', 'kW', 'MW', 'GW'];
    case 'volume':
      return ['L', 'm3'];
    case 'multiple':
      return ['×'];
    default:
      return [];
  }
}

function canonical(unit: string): string {
  return resolveUnit(unit)?.symbol ?? unit.trim();
}

function factor(unit: string): number {
  return normalise(1, unit).value;
}

function unitName(unit: string): string {
  return unit.trim() === '' ? 'plain numbers' : unit.trim();
}

/** Refuses figures of different kinds on one axis, naming an example of each. */
function mixedUnits(groups: Map<string, UnitFigure[]>): AssayError {
  const examples = [...groups.values()].map((figures) => figures[0]);
  const units = examples.map((figure) => unitName(figure.unit));
  const unitList = units.length === 2 ? `${units[0]} and ${units[1]}` : `${units.slice(0, -1).join(', ')} and ${units[units.length - 1]}`;
  const named = [...groups.values()]
    .map((figures) => {
      const more = figures.length > 1 ? ` (and ${figures.length - 1} more)` : '';
      return `${figures[0].label} is in ${unitName(figures[0].unit)}${more}`;
    })
    .join('; ');
  return new AssayError(
    'invalid_input',
    `Cannot chart ${unitList} on one axis: ${named}. They measure different kinds of quantity; chart them separately or select figures of one kind.`
  );
}

export function chooseDisplayUnit(figures: UnitFigure[], override?: string | null): DisplayUnit {
  // Units are few and figures many: read each unit once.
  const unitInfo = new Map<string, { dimension: string; factor: number; canonical: string }>();
  const infoOf = (unit: string) => {
    let info = unitInfo.get(unit);
    if (!info) {
      const { dimension, value } = normalise(1, unit);
      info = { dimension, factor: value, canonical: canonical(unit) };
      unitInfo.set(unit, info);
    }
    return info;
  };
  const byDimension = new Map<string, UnitFigure[]>();
  let maxBase = 0;
  for (const figure of figures) {
    const info = infoOf(figure.unit);
    const group = byDimension.get(info.dimension);
    if (group) group.push(figure);
    else byDimension.set(info.dimension, [figure]);
    maxBase = Math.max(maxBase, Math.abs(figure.value * info.factor));
  }
  if (byDimension.size > 1) throw mixedUnits(byDimension);
  const [dimension] = byDimension.keys();
  const toDisplayIn = (target: string) => {
    const targetFactor = factor(target);
    // convert() once per unit for its checks; then plain arithmetic for each figure.
    const ratios = new Map<string, number>();
    return (value: number, unit: string) => {
      let ratio = ratios.get(unit);
      if (ratio === undefined) {
        convert(1, unit, target);
        ratio = infoOf(unit).factor / targetFactor;
        ratios.set(unit, ratio);
      }
      return Number((value * ratio).toPrecision(15));
    };
  };

  if (override?.trim()) {
    const wanted = override.trim();
    if (!resolveUnit(wanted)) throw new AssayError('invalid_input', `unit: “${wanted}” is not a unit Assay knows.`);
    if (dimension !== undefined && normalise(1, wanted).dimension !== dimension) {
      throw new AssayError('invalid_input', `unit: the figures are in ${unitName(figures[0].unit)}; they cannot be shown in ${wanted}.`);
    }
    return { unit: canonical(wanted), dimension: dimension ?? normalise(1, wanted).dimension, toDisplay: toDisplayIn(wanted) };
  }
  if (dimension === undefined) return { unit: '', dimension: 'count', toDisplay: (value) => value };

  const units = new Set([...unitInfo.values()].map((info) => info.canonical));
  const steps = ladder(dimension).filter((unit) => resolveUnit(unit) !== null);

  // The figures' own unit, when they share one and it keeps the numbers readable (270,000 t, 3.8 Mt).
  if (units.size === 1) {
    const [own] = units;
    const inOwn = maxBase / factor(own);
    const isFraction = dimension === 'ratio' && own === 'fraction';
    if (!isFraction && ((inOwn >= 1 && inOwn < 1e6) || maxBase === 0 || steps.length === 0)) {
      return { unit: own, dimension, toDisplay: toDisplayIn(own) };
    }
  }
  if (steps.length === 0) {
    const [first] = units;
    return { unit: first, dimension, toDisplay: toDisplayIn(first) };
  }
  // The largest unit in which the biggest value is still at least 1: 390,000 t and 3.8 Mt → kt.
  const ordered = [...steps].sort((a, b) => factor(a) - factor(b));
  let chosen = ordered[0];
  for (const unit of ordered) if (maxBase / factor(unit) >= 1) chosen = unit;
  return { unit: canonical(chosen), dimension, toDisplay: toDisplayIn(chosen) };
}
