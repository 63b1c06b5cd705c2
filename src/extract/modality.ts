// What a governed verb becomes when a commitment, a plan, a refusal or a threat governs it: CAMEO 03 (intent to
// cooperate), 13 (threaten) and 12 (reject) each keep the kind of act they are about (Schrodt, CAMEO codebook v1.1b3).

const root = (code: string) => code.slice(0, 2);

/** Whether a code is conflictual (CAMEO roots 09–20: investigate to mass violence). */
export function isConflict(code: string): boolean {
  return Number(root(code)) >= 9;
}

/** The intent to do `code` ("agreed to provide aid" → 033); statements and appeals stay as they are. */
export function intentCode(code: string): string {
  switch (root(code)) {
    case '04':
      return code === '045' ? '039' : '036';
    case '05':
      return code === '057' ? '030' : '032';
    case '06':
      return ({ '061': '0311', '062': '0312', '063': '0313', '064': '0314' } as Record<string, string>)[code.slice(0, 3)] ?? '031';
    case '07':
      return ({ '071': '0331', '072': '0332', '073': '0333', '074': '0334' } as Record<string, string>)[code.slice(0, 3)] ?? '033';
    case '08': {
      const c3 = code.slice(0, 3);
      if (code.startsWith('0831')) return '0341';
      return ({ '081': '0351', '082': '0352', '083': '034', '084': '0353', '085': '0354', '086': '0355', '087': '0356' } as Record<string, string>)[c3] ?? '035';
    }
    default:
      return isConflict(code) ? threatCode(code) : code;
  }
}

/** The threat to do `code` ("threatened to shell" → 138, "to cut aid" → 1311, "to break relations" → 1313). */
export function threatCode(code: string): string {
  const c3 = code.slice(0, 3);
  switch (root(code)) {
    case '13':
      return code;
    case '14':
      return '133';
    case '16':
      return ({ '161': '1313', '162': '1311', '163': '1312', '164': '134', '165': '135', '166': '1313' } as Record<string, string>)[c3] ?? '131';
    case '17':
      return c3 === '172' ? '132' : '137';
    case '15':
    case '18':
    case '19':
    case '20':
      return c3 === '191' ? '1381' : c3 === '192' ? '1382' : '138';
    default:
      return '130';
  }
}

/** The rejection of `code` ("refused to meet" → 125, "refused aid" → 122, "declined to resign" → 123). */
export function rejectCode(code: string): string {
  const c3 = code.slice(0, 3);
  switch (root(code)) {
    case '04':
      return c3 === '045' ? '126' : '125';
    case '03':
    case '05':
      return code === '057' ? '127' : '120';
    case '06':
      return '121';
    case '07':
      return '122';
    case '08':
      return c3 === '083' ? '123' : '124';
    default:
      return '120';
  }
}
