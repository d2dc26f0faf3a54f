// Finds the municipality in an answer to "where do you live?" and says how close two are.
import { interpret, Lexicon, type LexiconEntry } from "./lexicon.js";
import { MUNICIPALITIES, type MunicipalityDef, type Region } from "./municipalities-data.js";
import { fold } from "./normalize.js";

export { MUNICIPALITIES, type MunicipalityDef, type Region } from "./municipalities-data.js";

export interface MunicipalityMatch {
  id: string;
  name: string;
  /** "unsure" = matched with a typo allowance; confirm before saving. */
  confidence: "sure" | "unsure";
}

export type Locality = "same" | "neighbour" | "region" | "other";

/**
 * Two municipalities are neighbours when their main towns are at most this far apart as the crow
 * flies (water included, so Fanø–Esbjerg counts). 30 km is roughly a daily commute; it makes
 * most bordering municipalities neighbours without a border table to maintain.
 */
export const NEIGHBOUR_KM = 30;

/** Folded slug of the official name: "Høje-Taastrup" → "hoeje-taastrup", "Ærø" → "aeroe". */
function slug(name: string): string {
  return fold(name).replaceAll(" ", "-");
}

const BY_ID = new Map<string, MunicipalityDef>(MUNICIPALITIES.map((m) => [slug(m.name), m]));

export const MUNICIPALITY_IDS: readonly string[] = [...BY_ID.keys()];

// Words around a place name: "jeg bor i Odense C", "Københavns Kommune", "2800 Kgs. Lyngby".
const FILLERS = `kommune kommunes kommunen municipality bor boede boet live lives living naer taet near
ved omkring city town by byen centrum center omraadet area region regionen danmark denmark dk c k v n s o
oe sv nv noe soe st syd nord vest oest`.split(/\s+/);

function entries(): LexiconEntry[] {
  return MUNICIPALITIES.flatMap((m) => {
    const ids = [slug(m.name)];
    return [m.name, ...m.aliases].map((phrase) => ({ phrase, ids }));
  });
}

const lexicon = new Lexicon(entries(), FILLERS);

/**
 * The one municipality named in the text. Several different ones named with equal confidence
 * ("from Aarhus, living in Odense") gives undefined so the bot asks again instead of guessing.
 */
export function findMunicipality(text: string): MunicipalityMatch | undefined {
  const { found } = interpret(text, lexicon);
  for (const sure of [true, false]) {
    const ids = new Set(found.filter((f) => f.sure === sure).flatMap((f) => f.ids));
    if (ids.size > 1) return undefined;
    const [id] = ids;
    if (id !== undefined) return { id, name: municipalityName(id), confidence: sure ? "sure" : "unsure" };
  }
  return undefined;
}

export function municipalityName(id: string): string {
  return BY_ID.get(id)?.name ?? id;
}

export function municipalityRegion(id: string): Region | undefined {
  return BY_ID.get(id)?.region;
}

/** Great-circle distance between the main towns in km, undefined for an unknown id. */
export function distanceKm(aId: string, bId: string): number | undefined {
  const a = BY_ID.get(aId);
  const b = BY_ID.get(bId);
  if (!a || !b) return undefined;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** same → neighbour (≤ NEIGHBOUR_KM) → same region → other. Unknown ids are "other". */
export function locality(aId: string, bId: string): Locality {
  const km = distanceKm(aId, bId);
  if (km === undefined) return "other";
  if (aId === bId) return "same";
  if (km <= NEIGHBOUR_KM) return "neighbour";
  return municipalityRegion(aId) === municipalityRegion(bId) ? "region" : "other";
}
