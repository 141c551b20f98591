/**
 * Figures for every area and year of the synthetic country: each area has a profile (its size,
 * growth, ageing and resource rates), and each year's figure follows from the profile with a
 * little noise. Real areas take their profile from their real figures, so their synthetic years
 * continue their real ones. Every value is a pure function of seed, area and year.
 */
import { clamp, stream } from './random.ts';
import { numberOf, type RealRecord } from './real-tables.ts';
import type { PlannedArea } from './synthetic-country.ts';

/** The year real figures describe (data/ is mostly 2015); profiles are stated for it. */
export const BASE_YEAR = 2015;

export interface RealFigures {
  population: Map<string, RealRecord[]>;
  care: Map<string, RealRecord[]>;
  facilities: Map<string, RealRecord[]>;
  medical: Map<string, RealRecord[]>;
  hub: Map<string, RealRecord[]>;
  hubs: Map<string, RealRecord[]>;
}

interface Profile {
  population: number;
  growth: number;
  agedShare: number;
  agedTrend: number;
  careRate: number;
  careTrend: number;
  /** Facilities per 10,000 population. */
  supportClinics: number;
  supportHospitals: number;
  nurseStations: number;
  nurseTrend: number;
  clinics: number;
  hospitals: number;
  hubOpened: string;
  /** New hub clients a year per 10,000 aged 75+. */
  hubRate: number;
  continuingRatio: number;
  actionsPerClient: number;
}

export interface Population {
  population: number;
  aged75: number;
}

/** Calendar months from the month of `opened` to the end of the period, counted inside it. */
export function monthsOpen(opened: string, periodStart: string, periodEnd: string): number {
  const month = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
  return Math.max(0, month(periodEnd) - Math.max(month(opened), month(periodStart)) + 1);
}

/** A share printed to one decimal, as the documents print them. */
export const printedPct = (part: number, whole: number) => (Math.round((part / whole) * 1000) / 10).toFixed(1);

// Keeps a drifting rate within the synthetic range, or within its own real value where that is outside.
const within = (value: number, start: number, min: number, max: number) => clamp(value, Math.min(min, start), Math.max(max, start));

export class SyntheticFigures {
  readonly #seed: number;
  readonly #real: RealFigures;
  readonly #areas: Map<string, PlannedArea>;
  readonly #wards = new Map<string, string[]>();
  readonly #profiles = new Map<string, Profile>();

  constructor(seed: number, areas: readonly PlannedArea[], real: RealFigures) {
    this.#seed = seed;
    this.#real = real;
    this.#areas = new Map(areas.map((a) => [a.code, a]));
    for (const a of areas) if (a.parent) this.#wards.set(a.parent, [...(this.#wards.get(a.parent) ?? []), a.code]);
  }

  /** Population and aged 75+ on 1 January of `year`; a city with wards is the sum of its wards. */
  population(code: string, year: number): Population {
    const wards = this.#wards.get(code);
    if (wards) {
      const parts = wards.map((w) => this.population(w, year));
      return { population: parts.reduce((a, p) => a + p.population, 0), aged75: parts.reduce((a, p) => a + p.aged75, 0) };
    }
    const real = this.#realIn(this.#real.population, code, year);
    const realPop = numberOf(real, 'population');
    const realAged = numberOf(real, 'aged_75_plus');
    if (realPop !== null && realAged !== null) return { population: realPop, aged75: realAged };
    const p = this.#profile(code);
    const t = year - BASE_YEAR;
    const r = this.#stream('population', code, year);
    const population = Math.max(1000, Math.round(p.population * (1 + p.growth) ** t * (1 + r.normal(0, 0.004))));
    const share = within(p.agedShare + p.agedTrend * t + r.normal(0, 0.002), p.agedShare, 0.08, 0.25);
    return { population, aged75: Math.round(population * share) };
  }

  /** People certified as needing care on 1 January of `year`: about 3.5–5% of the population. */
  careNeedCertified(code: string, year: number): number {
    const p = this.#profile(code);
    const rate = within(p.careRate + p.careTrend * (year - BASE_YEAR) + this.#stream('care', code, year).normal(0, 0.0008), p.careRate, 0.035, 0.05);
    return Math.round(this.population(code, year).population * rate);
  }

  /** Clinics and hospitals on 1 July of `year`. */
  medicalInstitutions(code: string, year: number): { clinics: number; hospitals: number } {
    const p = this.#profile(code);
    const r = this.#stream('medical', code, year);
    const per10k = this.population(code, year).population / 10_000;
    return {
      clinics: Math.max(0, Math.round(per10k * p.clinics * (1 + r.normal(0, 0.02)))),
      hospitals: Math.max(0, Math.round(per10k * p.hospitals * (1 + r.normal(0, 0.05)))),
    };
  }

  /** Home-care facilities at the end of October of `year`; support clinics never outnumber clinics. */
  homeCareFacilities(code: string, year: number): { supportClinics: number; supportHospitals: number; nurseStations: number } {
    const p = this.#profile(code);
    const t = year - BASE_YEAR;
    const r = this.#stream('facilities', code, year);
    const per10k = this.population(code, year).population / 10_000;
    const count = (rate: number) => Math.max(0, Math.round(per10k * rate * (1 + r.normal(0, 0.05))));
    return {
      supportClinics: Math.min(count(p.supportClinics * (1 + 0.02 * t)), this.medicalInstitutions(code, year).clinics),
      supportHospitals: count(p.supportHospitals),
      nurseStations: count(p.nurseStations * (1 + p.nurseTrend) ** t),
    };
  }

  /**
   * Hub throughput over calendar `year`: months in operation from the hub's opening, and clients
   * and support actions in proportion to the population aged 75+. Null figures before it opens.
   */
  hubThroughput(code: string, year: number) {
    const p = this.#profile(code);
    const months = monthsOpen(p.hubOpened, `${year}-01-01`, `${year}-12-31`);
    if (months === 0) return { months: 0, newClients: null, continuingClients: null, supportActions: null };
    const r = this.#stream('hub', code, year);
    const newClients = Math.max(0, Math.round(((p.hubRate * this.population(code, year).aged75) / 10_000) * (months / 12) * (1 + r.normal(0, 0.1))));
    const continuingClients = Math.max(0, Math.round(newClients * p.continuingRatio * (1 + r.normal(0, 0.1))));
    const supportActions = Math.max(0, Math.round((newClients + continuingClients) * p.actionsPerClient * (1 + r.normal(0, 0.1))));
    return { months, newClients, continuingClients, supportActions };
  }

  #stream(what: string, code: string, year: number) {
    return stream(this.#seed, `${what}|${code}|${year}`);
  }

  #realIn(table: Map<string, RealRecord[]>, code: string, year: number): RealRecord | undefined {
    return table.get(code)?.find((r) => (r.as_of ?? '').startsWith(`${year}-`));
  }

  #profile(code: string): Profile {
    const cached = this.#profiles.get(code);
    if (cached) return cached;
    const area = this.#areas.get(code);
    const r = stream(this.#seed, `profile|${code}`);
    const real = this.#real;
    const first = (m: Map<string, RealRecord[]>) => m.get(code)?.[0];

    const realPop = numberOf(first(real.population), 'population');
    // A real area without population figures is one of the real cities: give it a city's size.
    const synthetic = area?.kind === 'ward' ? clamp(r.logNormal(150_000, 0.45), 30_000, 900_000)
      : area?.real ? clamp(r.logNormal(300_000, 0.3), 50_000, 3_700_000)
      : clamp(r.logNormal(25_000, 1.2), 1_000, 3_700_000);
    const population = realPop ?? Math.round(synthetic);
    const size = Math.log10(population / 25_000);
    const realAged = numberOf(first(real.population), 'aged_75_plus');
    const agedShare = realAged !== null && realPop ? realAged / realPop : clamp(r.normal(0.14 - 0.02 * size, 0.02), 0.08, 0.21);
    const realRate = (m: Map<string, RealRecord[]>, column: string, scale: number) => {
      const v = numberOf(first(m), column);
      return v !== null ? (v / population) * scale : null;
    };
    const careRate = realRate(real.care, 'care_need_certified', 1) ?? clamp(0.035 + ((agedShare - 0.08) / 0.13) * 0.012 + r.normal(0, 0.002), 0.035, 0.048);

    const hub = first(real.hub);
    const hubMonths = numberOf(hub, 'months_active');
    const hubNew = numberOf(hub, 'new_clients');
    const hubContinuing = numberOf(hub, 'continuing_clients');
    const hubActions = numberOf(hub, 'support_actions');
    const realHubRate = hubMonths && hubNew !== null && realAged ? ((hubNew / hubMonths) * 12 * 10_000) / realAged : null;
    const opened = first(real.hubs)?.opened_on || `${r.int(2012, 2019)}-${String(r.int(1, 12)).padStart(2, '0')}-01`;

    const profile: Profile = {
      population,
      growth: clamp(r.normal(-0.008 + 0.006 * size, 0.005), -0.035, 0.015),
      agedShare,
      agedTrend: r.uniform(0.002, 0.006),
      careRate,
      careTrend: r.uniform(0, 0.0006),
      supportClinics: realRate(real.facilities, 'support_clinics', 10_000) ?? r.uniform(0.5, 1.5),
      supportHospitals: realRate(real.facilities, 'support_hospitals', 10_000) ?? r.uniform(0.03, 0.15),
      nurseStations: realRate(real.facilities, 'visiting_nurse_stations', 10_000) ?? r.uniform(0.5, 1.2),
      nurseTrend: r.uniform(0.03, 0.07),
      clinics: realRate(real.medical, 'clinics', 10_000) ?? r.uniform(7, 9),
      hospitals: realRate(real.medical, 'hospitals', 10_000) ?? r.uniform(0.3, 1.0),
      hubOpened: opened,
      hubRate: realHubRate ?? r.uniform(20, 120),
      continuingRatio: hubNew && hubContinuing !== null ? hubContinuing / hubNew : r.uniform(0.03, 0.4),
      actionsPerClient: hubNew !== null && hubContinuing !== null && hubActions !== null && hubNew + hubContinuing > 0 ? hubActions / (hubNew + hubContinuing) : r.uniform(1.5, 5),
    };
    this.#profiles.set(code, profile);
    return profile;
  }
}
