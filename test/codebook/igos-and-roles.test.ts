// Tests of the IGO, CAMEO region and actor role codebooks.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { actorRole, actorRoles, findIgo, findRegion, igoByCode, igos } from '../../src/codebook/index.js';

describe('findIgo(name)', () => {
  it('finds organisations by name, acronym and "the" form, with CAMEO codes as GDELT uses them', () => {
    assert.equal(findIgo('the EU')?.cameo, 'IGOEUREEC');
    assert.equal(findIgo('European Union')?.code, 'IGOEU');
    assert.equal(findIgo('NATO')?.cameo, 'IGOWSTNAT');
    assert.equal(findIgo('OSCE Minsk Group')?.code, 'IGOOSCE');
    assert.equal(findIgo('Collective Security Treaty Organization')?.code, 'IGOCSTO');
    assert.equal(findIgo('EAEU')?.code, 'IGOEEU');
    assert.equal(findIgo('Shanghai Cooperation Organization')?.code, 'IGOSCO');
    assert.equal(findIgo('Commonwealth of Independent States')?.cameo, 'IGOCASCIS');
    assert.equal(findIgo('Kremlin'), undefined);
  });

  it('looks up our codes and CAMEO codes alike', () => {
    assert.equal(igoByCode('IGOWSTNAT'), igoByCode('IGONATO'));
    assert.equal(igoByCode('igobrics')?.name, 'BRICS');
    for (const code of ['IGOEU', 'IGOCSTO', 'IGONATO', 'IGOUNO', 'IGOOSCE', 'IGOCIS', 'IGOEEU', 'IGOSCO', 'IGOBRICS']) {
      assert.ok(igos().some((i) => i.code === code), code);
    }
  });
});

describe('findRegion(name)', () => {
  it('finds CAMEO regions', () => {
    assert.equal(findRegion('the Caucasus')?.cameo, 'CAU');
    assert.equal(findRegion('Middle East')?.cameo, 'MEA');
  });
});

describe('actorRoles()', () => {
  it('lists the CAMEO role codes with nouns', () => {
    for (const code of ['GOV', 'MIL', 'OPP', 'MED', 'SPY', 'REB', 'COP', 'JUD', 'LEG', 'BUS', 'CVL', 'EDU', 'REL', 'HLH', 'NGO', 'IGO', 'ELI', 'LAB', 'REF', 'UAF', 'CRM']) {
      const role = actorRole(code);
      assert.ok(role, code);
      assert.ok(role.nouns.length > 0, code);
    }
    assert.ok(actorRole('SPY')?.nouns.includes('intelligence service'));
    assert.equal(actorRole('gov')?.tier, 'primary');
    assert.equal(new Set(actorRoles().map((r) => r.code)).size, actorRoles().length);
  });
});
