// ICEWS actor sectors mapped to CAMEO actor role codes (Schrodt, CAMEO codebook v1.1b3, tables 3.1–3.2).
//
// ICEWS (Boschee et al., Harvard Dataverse) lists an actor's sectors as a comma-separated set ("Military,Government").
// CAMEO gives an actor one primary role, so the sectors are mapped below and the role that comes first in
// ROLE_PRECEDENCE wins: the most specific state organ before the government as a whole, armed non-state actors
// before other social groups. Sectors not listed (ideologies such as "Center Right", "Regional", "Global",
// religions other than as a sector) carry no role on their own.

/** Sector → CAMEO role code. Matching ignores case. */
export const ICEWS_SECTOR_ROLES: Readonly<Record<string, string>> = {
  // State organs
  'Military': 'MIL', 'Army': 'MIL', 'Navy': 'MIL', 'Marines': 'MIL', 'Air Force': 'MIL', 'Military Intelligence': 'SPY',
  'Defense / Security Ministry': 'MIL', 'National / Border Divisions': 'MIL',
  'Police': 'COP', 'Interior / Home Ministry': 'COP',
  'Intelligence': 'SPY', 'Intelligence Ministry': 'SPY',
  'Judicial': 'JUD', 'Legal': 'JUD', 'Justice / Law Ministry': 'JUD',
  'Legislative / Parliamentary': 'LEG', 'Lower House': 'LEG', 'Upper House': 'LEG', 'Unicameral': 'LEG',
  'Government': 'GOV', 'Executive': 'GOV', 'Executive Office': 'GOV', 'Cabinet': 'GOV', 'Foreign Ministry': 'GOV',
  'Finance / Economy / Commerce / Trade Ministry': 'GOV', 'Information / Communication / Transparency Ministry': 'GOV',
  'Industrial / Textiles / Mining Ministry': 'GOV', 'Education Ministry': 'GOV', 'Transportation Ministry': 'GOV',
  'Health Ministry': 'GOV', 'Management / Budget / Planning / Organization Ministry': 'GOV', 'Elections Ministry': 'GOV',
  'Energy Ministry': 'GOV', 'Tourism Ministry': 'GOV', 'Provincial': 'GOV', 'Municipal': 'GOV', 'Local': 'GOV',
  'Government Major Party (In Government)': 'GOV', 'Government Religious': 'GOV', 'State Media': 'MED',
  // Armed non-state actors
  'Insurgents': 'INS', 'International Insurgents': 'INS',
  'Rebel': 'REB', 'Organized Violent': 'REB',
  'Separatists': 'SEP',
  'Unidentified Forces': 'UAF',
  'Criminals / Gangs': 'CRM',
  'Radicals / Extremists / Fundamentalists': 'RAD', 'International Radicals / Extremists / Fundamentalists': 'RAD',
  // Opposition and parties
  'Dissident': 'OPP', 'International Dissident': 'OPP', 'Protestors / Popular Opposition / Mobs': 'OPP',
  'Opposition Major Party (Out Of Government)': 'OPP',
  'Parties': 'PTY', '(National) Major Party': 'PTY', '(National) Minor Party': 'PTY',
  // Society
  'Business': 'BUS', 'Consumer Goods Business': 'BUS', 'Consulting / Financial Services Business': 'BUS',
  'Multinational Corporation': 'MNC',
  'Media': 'MED', 'News': 'MED', 'Print News': 'MED', 'Television News': 'MED',
  'Education': 'EDU',
  'Medical / Health': 'HLH', 'Medical / Health NGOs': 'HLH',
  'Human Rights NGOs': 'HRI', 'Human Rights IGOs': 'HRI',
  'Labor': 'LAB', 'Agricultural': 'AGR',
  'Refugees / Displaced': 'REF',
  'Elite': 'ELI',
  'Nongovernmental Organizations / Activists': 'NGO', 'Nongovernmental Organization (International)': 'NGO',
  'International Government Organization': 'IGO', 'Regional Diplomatic IGOs': 'IGO', 'Global Diplomatic IGOs': 'IGO',
  'Global Economic/Financial/Trade IGOs': 'IGO', 'Global Defense / Security IGOs': 'IGO', 'Global Development IGOs': 'IGO',
  'Global Information / Communication / Transparency IGOs': 'IGO',
  'International Religious': 'REL', 'National Religious': 'REL', 'Religious Minority': 'REL',
  'General Population / Civilian / Social': 'CVL', 'Social': 'CVL',
};

/** When an actor has several sectors, the role earliest in this list is its CAMEO role. */
export const ROLE_PRECEDENCE: readonly string[] = [
  'SPY', 'MIL', 'COP', 'JUD', 'LEG', 'GOV', 'INS', 'SEP', 'REB', 'UAF', 'IGO', 'CRM', 'RAD', 'OPP', 'PTY',
  'MED', 'MNC', 'BUS', 'HRI', 'NGO', 'HLH', 'EDU', 'LAB', 'AGR', 'REF', 'REL', 'ELI', 'CVL',
];

const bySector = new Map(Object.entries(ICEWS_SECTOR_ROLES).map(([k, v]) => [k.toLowerCase(), v]));

/** The CAMEO role of an ICEWS sector list ("Military,Government" → MIL), or null when no sector maps to one. */
export function roleOfSectors(sectors: string | null): string | null {
  if (!sectors) return null;
  const roles = sectors.split(',').map((s) => bySector.get(s.trim().toLowerCase())).filter((r): r is string => !!r);
  if (roles.length === 0) return null;
  return roles.sort((a, b) => ROLE_PRECEDENCE.indexOf(a) - ROLE_PRECEDENCE.indexOf(b))[0];
}
