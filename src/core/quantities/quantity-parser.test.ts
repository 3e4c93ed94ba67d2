import { describe, expect, it } from 'vitest';
import { findQuantities, parseQuantity, type ParsedQuantity, type QuantityQualifier } from './quantity-parser';

interface Row {
  text: string;
  value: number;
  unit: string;
  qualifier?: QuantityQualifier;
  high?: number | null;
  /** The phrase the parser should report; checked against the offsets too. */
  phrase?: string;
}

const exact = (text: string, value: number, unit: string, phrase?: string): Row => ({ text, value, unit, qualifier: 'exact', phrase });
const about = (text: string, value: number, unit: string, phrase?: string): Row => ({ text, value, unit, qualifier: 'approximately', phrase });
const atLeast = (text: string, value: number, unit: string, phrase?: string): Row => ({ text, value, unit, qualifier: 'at_least', phrase });
const atMost = (text: string, value: number, unit: string, phrase?: string): Row => ({ text, value, unit, qualifier: 'at_most', phrase });
const range = (text: string, value: number, high: number, unit: string, phrase?: string): Row => ({ text, value, high, unit, qualifier: 'range', phrase });

// Phrasings as they appear in reporting on critical-mineral supply chains.
const ROWS: Row[] = [
  // Shares and percentages
  about('China accounts for ~69% of global mine production.', 69, '%', '~69%'),
  about('Chinese firms control nearly half of the world’s separation capacity.', 50, '%', 'nearly half'),
  exact('Imports rose 40 percent last year.', 40, '%', '40 percent'),
  exact('A fifth of global demand comes from wind turbines.', 20, '%', 'A fifth'),
  range('Magnets take between 35% and 40% of neodymium output.', 35, 40, '%', 'between 35% and 40%'),
  atLeast('China makes more than 90% of the world’s permanent magnets.', 90, '%', 'more than 90%'),
  about('The country processes about 90% of rare earths mined worldwide.', 90, '%', 'about 90%'),
  exact('Two-thirds of processing capacity sits in one province.', 66.6666666666667, '%', 'Two-thirds'),
  exact('Japan cut its dependence to a quarter of imports.', 25, '%', 'a quarter'),
  exact('Three quarters of the market is controlled by state firms.', 75, '%', 'Three quarters'),
  exact('One in five magnets ends up in an electric vehicle.', 20, '%', 'One in five'),
  exact('Half of all separation plants are in Jiangxi.', 50, '%', 'Half'),
  atLeast('Over 60 per cent of cobalt is refined in China.', 60, '%', 'Over 60 per cent'),
  atMost('Recycling supplies less than 5% of the total.', 5, '%', 'less than 5%'),
  exact('Its share was 69.2 % in 2024.', 69.2, '%', '69.2 %'),
  exact('Recycled material met 0.5% of demand.', 0.5, '%', '0.5%'),
  exact('Output fell 3% year on year.', 3, '%', '3%'),
  exact('Exports: -3% (revised)', 3, '%', '3%'),
  exact('Exports: \u22123% (revised)', -3, '%', '\u22123%'),
  exact('Prices rose nine percent in the quarter.', 9, '%', 'nine percent'),
  exact('A third of the deposit is unexplored.', 33.3333333333333, '%', 'A third'),
  about('China accounts for nearly 70% of global mine production.', 70, '%', 'nearly 70%'),
  about('The Bayan Obo deposit holds close to 40% of known reserves.', 40, '%', 'close to 40%'),
  atMost('The miner’s share slipped to just under 50%.', 50, '%', 'just under 50%'),
  exact('A tenth of output goes to catalysts.', 10, '%', 'A tenth'),
  atLeast('More than half of the oxide is exported.', 50, '%', 'More than half'),
  exact('Nine out of ten magnets are made in China.', 90, '%', 'Nine out of ten'),
  exact('Twenty-five per cent of the budget went to exploration.', 25, '%', 'Twenty-five per cent'),
  about('Bayan Obo holds about 40% of known rare-earth reserves.', 40, '%', 'about 40%'),
  atMost('Officials expect as much as 40% of supply to be affected.', 40, '%', 'as much as 40%'),
  atLeast('Mines reporting 90% or more recovery were rare.', 90, '%', '90% or more'),
  about('Dependence on imports is ≈ 69%.', 69, '%', '≈ 69%'),
  atMost('Tariffs add no more than 5 per cent to costs.', 5, '%', 'no more than 5 per cent'),
  range('The share is expected to reach 35–40% by 2030.', 35, 40, '%', '35–40%'),
  range('Analysts put the premium at 35-40 per cent.', 35, 40, '%', '35-40 per cent'),
  range('The tariff could be roughly 35 to 40 per cent.', 35, 40, '%', 'roughly 35 to 40 per cent'),
  range('Western buyers want between a third and a half of supply.', 33.3333333333333, 50, '%', 'between a third and a half'),
  exact('Its market share rose by 5 percentage points.', 5, 'pp', '5 percentage points'),
  exact('The ore grades 2,500 ppm total rare-earth oxide.', 2500, 'ppm', '2,500 ppm'),

  // Masses
  exact('Exports reached 270,000 metric tons last year.', 270000, 't', '270,000 metric tons'),
  exact('Russia’s reserves are put at 3.8 million t.', 3800000, 't', '3.8 million t'),
  about('World output was roughly 390,000 tons.', 390000, 't', 'roughly 390,000 tons'),
  about('Chinese mines produced an estimated 270,000 tons in 2024.', 270000, 't', 'an estimated 270,000 tons'),
  atLeast('China holds at least 44 million tons of reserves.', 44000000, 't', 'at least 44 million tons'),
  about('Vietnam may hold some 10 million tons of reserves.', 10000000, 't', 'some 10 million tons'),
  exact('The standard contract is 1,000 t.', 1000, 't', '1,000 t'),
  exact('The stockpile held 1.000,5 t of oxide.', 1000.5, 't', '1.000,5 t'),
  exact('The assay reported 1.000 t.', 1, 't', '1.000 t'),
  exact('Reserves of 1.000.000 t were confirmed.', 1000000, 't', '1.000.000 t'),
  exact('The plant refined 12.5 kt last year.', 12.5, 'kt', '12.5 kt'),
  exact('Reserves were revised to 3.8Mt.', 3.8, 'Mt', '3.8Mt'),
  exact('Mountain Pass produced 45 000 t.', 45000, 't', '45 000 t'),
  exact('Mountain Pass produced 45\u2009000 t.', 45000, 't', '45\u2009000 t'),
  exact('Mountain Pass produced 45\u00A0000 t.', 45000, 't', '45\u00A0000 t'),
  range('Estimates range from 240,000 to 255,000 tons.', 240000, 255000, 't', 'from 240,000 to 255,000 tons'),
  range('Russia’s reserves were cut from 10 million tons to 3.8 million tons.', 3800000, 10000000, 't', 'from 10 million tons to 3.8 million tons'),
  range('Output of 1.5–2 million tonnes is planned.', 1500000, 2000000, 't', '1.5–2 million tonnes'),
  exact('The province mined ten million tonnes of ore.', 10000000, 't', 'ten million tonnes'),
  atLeast('The district has well over 100,000 tonnes of resources.', 100000, 't', 'well over 100,000 tonnes'),
  atLeast('Upwards of 1 million tonnes of tailings remain.', 1000000, 't', 'Upwards of 1 million tonnes'),
  about('The deposit holds c. 270,000 t of oxide.', 270000, 't', 'c. 270,000 t'),
  atLeast('Miners stockpiled 100,000+ tonnes.', 100000, 't', '100,000+ tonnes'),
  exact('A 5,000-tonne-a-year plant opened in Malaysia.', 5000, 't', '5,000-tonne'),
  exact('Traders shipped 120,000 MT of concentrate.', 120000, 't', '120,000 MT'),
  exact('One hundred and twenty thousand tonnes went to Japan.', 120000, 't', 'One hundred and twenty thousand tonnes'),
  exact('The yard holds half a million tonnes of tailings.', 500000, 't', 'half a million tonnes'),
  exact('A million tonnes of ore was processed.', 1000000, 't', 'A million tonnes'),
  exact('Output: 2024 t of concentrate.', 2024, 't', '2024 t'),
  exact('Stocks reached 45k t.', 45000, 't', '45k t'),
  exact('Australia produced 13,000 t in 2024.', 13000, 't', '13,000 t'),

  // Money
  exact('The plant cost $1.2 bn to build.', 1200000000, 'USD', '$1.2 bn'),
  about('Brussels set aside around €3bn in subsidies.', 3000000000, 'EUR', 'around €3bn'),
  exact('The fund raised USD 1.2 billion.', 1200000000, 'USD', 'USD 1.2 billion'),
  exact('The Pentagon awarded US$45 million to the project.', 45000000, 'USD', 'US$45 million'),
  exact('Beijing has spent ¥2.3 trillion on the sector.', 2300000000000, 'CNY', '¥2.3 trillion'),
  exact('Beijing has spent 2.3 trillion yuan on the sector.', 2300000000000, 'CNY', '2.3 trillion yuan'),
  exact('The project needs A$1.5bn in funding.', 1500000000, 'AUD', 'A$1.5bn'),
  exact('The UK committed £250m to the programme.', 250000000, 'GBP', '£250m'),
  atLeast('Losses ran in excess of $500m.', 500000000, 'USD', 'in excess of $500m'),
  range('Analysts value the deal at $1–2bn.', 1000000000, 2000000000, 'USD', '$1–2bn'),
  exact('The Hong Kong listing raised HK$5bn.', 5000000000, '', '5bn'),

  // Prices
  exact('Oxide prices climbed to $60/kg in March 2024.', 60, 'USD/kg', '$60/kg'),
  exact('Contracts settled at USD 60 per kg.', 60, 'USD/kg', 'USD 60 per kg'),
  exact('Buyers paid 60 dollars a kilogram.', 60, 'USD/kg', '60 dollars a kilogram'),
  exact('Concentrate sold for USD 3,500/t.', 3500, 'USD/t', 'USD 3,500/t'),
  exact('Domestic carbonate fetched ¥400,000 per tonne.', 400000, 'CNY/t', '¥400,000 per tonne'),
  range('Offers were at USD 60-70/kg.', 60, 70, 'USD/kg', 'USD 60-70/kg'),
  exact('Offers of USD60/kg were rejected.', 60, 'USD/kg', 'USD60/kg'),
  range('Prices of $60–$70/kg were quoted.', 60, 70, 'USD/kg', '$60–$70/kg'),

  // Counts, energy, power
  atMost('Fewer than 10 mines operate outside China.', 10, '', 'Fewer than 10'),
  atMost('The programme could create up to 1.5 million jobs.', 1500000, '', 'up to 1.5 million'),
  atMost('There were fewer than 2000 workers at the site.', 2000, '', 'fewer than 2000'),
  exact('The carmaker sold five million units.', 5000000, '', 'five million units'),
  exact('The smelter uses 4.5 TWh a year.', 4.5, 'TWh', '4.5 TWh'),
  exact('Offshore wind added 1.2 GW of capacity.', 1.2, 'GW', '1.2 GW'),

  // Multiples
  about('Demand will almost double by 2030.', 2, '×', 'almost double'),
  exact('Prices are twice as high as in 2020.', 2, '×', 'twice'),
  exact('Chinese oxide trades at a 3x premium.', 3, '×', '3x'),
  exact('Costs are 1.5 times those in China.', 1.5, '×', '1.5 times'),
  exact('Magnet output is three times the 2015 level.', 3, '×', 'three times'),
  exact('A threefold increase in demand is forecast.', 3, '×', 'threefold'),
  exact('Lithium prices rose 10-fold.', 10, '×', '10-fold')
];

function expectCloseTo(actual: number | null | undefined, expected: number) {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

describe('parseQuantity', () => {
  it('has a large table of real phrasings', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(70);
  });

  it.each(ROWS)('reads "$text"', ({ text, value, unit, qualifier, high = null, phrase }) => {
    const parsed = parseQuantity(text);
    expect(parsed).not.toBeNull();
    const q = parsed as ParsedQuantity;
    expectCloseTo(q.value, value);
    if (high === null) expect(q.high).toBeNull();
    else expectCloseTo(q.high, high);
    expect(q.unit).toBe(unit);
    expect(q.qualifier).toBe(qualifier);
    if (phrase !== undefined) expect(q.text).toBe(phrase);
    expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  it.each([
    'No numbers here.',
    'See the 2024 edition of the summaries.',
    'Production rose in 2024.',
    'Output recovered over 2024.',
    'The mine opened circa 2020.',
    'Output grew in the first half of 2024.',
    'Q1 2024 results disappointed.',
    'NdFeB magnets and CO2 emissions are linked.',
    'COVID-19 disrupted supply chains.',
    'One of the largest producers is in Inner Mongolia.',
    'Two companies dominate the market.',
    'The 10-year plan targets self-sufficiency.',
    'The 21st century will run on magnets.',
    'Prices peaked on 14 March 2024.',
    'Prices peaked on March 14, 2024.',
    'Prices peaked on 2024-03-14.',
    'Quotas were raised between 2020 and 2024.',
    'Output grew steadily over 2020–2024.',
    'The 2023-24 season was dry.',
    'The third quarter was weak.',
    'A 5G network covers the mine.',
    'Results for FY2024 were flat.',
    'The dollar figure was double-checked.',
    'Sales recorded double-digit growth.',
    'Talks resumed at 12:30.',
    'The ratio was 1:3.',
    'They formed a 50/50 joint venture.',
    // A decimal comma outside the unambiguous "1.000,5" form: better nothing than €1.
    'It cost €1,5 million.',
    ''
  ])('finds no quantity in "%s"', (text) => {
    expect(parseQuantity(text)).toBeNull();
  });
});

describe('findQuantities', () => {
  it('finds every quantity in order, and skips the years', () => {
    const text = 'The United States mined 45,000 tonnes in 2024, up from 43,000 tonnes in 2023.';
    expect(findQuantities(text).map((q) => [q.value, q.unit, q.text])).toEqual([
      [45000, 't', '45,000 tonnes'],
      [43000, 't', '43,000 tonnes']
    ]);
  });

  it('reports offsets into the input', () => {
    const text = 'In 2024 China mined roughly 270,000 t of an estimated 390,000 t.';
    const found = findQuantities(text);
    expect(found).toHaveLength(2);
    for (const q of found) expect(text.slice(q.start, q.end)).toBe(q.text);
    expect(found[0]).toMatchObject({ start: text.indexOf('roughly'), qualifier: 'approximately' });
    expect(found[1]).toMatchObject({ start: text.indexOf('an estimated'), value: 390000 });
  });

  it('reads a change and a level, not a range, when each has its own unit', () => {
    expect(findQuantities('China’s share rose 3% to 45%.').map((q) => [q.value, q.unit, q.qualifier])).toEqual([
      [3, '%', 'exact'],
      [45, '%', 'exact']
    ]);
  });

  it('does not join different kinds of quantity into a range', () => {
    expect(findQuantities('Output was cut by 10% to 90,000 t.').map((q) => [q.value, q.unit])).toEqual([
      [10, '%'],
      [90000, 't']
    ]);
  });

  it('keeps a bare count but prefers a figure with a unit for parseQuantity', () => {
    const text = 'In 2024, 3 mines produced 270,000 t.';
    expect(findQuantities(text).map((q) => q.value)).toEqual([3, 270000]);
    expect(parseQuantity(text)).toMatchObject({ value: 270000, unit: 't' });
  });

  it('reads the useful check from the sample README', () => {
    expect(findQuantities('270,000 / 390,000 = 69.2 %').map((q) => [q.value, q.unit])).toEqual([
      [270000, ''],
      [390000, ''],
      [69.2, '%']
    ]);
  });

  it('does not make a range out of a year and the next figure', () => {
    expect(findQuantities('The share rose from 5.1% in 2020 to 6.3% in 2024.').map((q) => [q.value, q.unit, q.qualifier])).toEqual([
      [5.1, '%', 'exact'],
      [6.3, '%', 'exact']
    ]);
  });

  it('stores a descending range low to high', () => {
    expect(parseQuantity('Output fell from 255,000 to 240,000 tons.')).toMatchObject({ value: 240000, high: 255000, unit: 't', qualifier: 'range' });
  });

  it('does not share a scale with a number that is already larger', () => {
    expect(parseQuantity('Between 500 and 2 million tonnes are stockpiled.')).toMatchObject({ value: 500, high: 2000000, unit: 't' });
  });

  it('reads a quantity after a date without taking the day', () => {
    expect(findQuantities('On 14 March 2024 oxide fetched $60/kg.').map((q) => q.text)).toEqual(['$60/kg']);
  });
});
