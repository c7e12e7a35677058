import { describe, expect, it } from 'vitest';
import { registerInput } from '../../portal/cabinet/registerInput';
import { actionDocument, loginDocument, withoutEmpty } from './actionDocument';

describe('the action document (SPEC §4)', () => {
  it('carries the name, the nonce and one element per input field', () => {
    expect(actionDocument('chooseKindergarten', 'n1', { applicationNumber: 'ALM.2026.000009.1', placeId: 'p-1' })).toBe(
      '<action xmlns="urn:kezek:action:1"><name>chooseKindergarten</name><nonce>n1</nonce>'
        + '<applicationNumber>ALM.2026.000009.1</applicationNumber><placeId>p-1</placeId></action>',
    );
  });

  it('writes values as GraphQL does and escapes XML', () => {
    const xml = actionDocument('extendDirection', 'n', { directionId: 'd', until: '2026-12-10', reason: 'Болезнь <ребёнка> & "справка"' });
    expect(xml).toContain('<until>2026-12-10</until>');
    expect(xml).toContain('<reason>Болезнь &lt;ребёнка&gt; &amp; &quot;справка&quot;</reason>');
  });

  it('leaves out null fields, nests objects and repeats lists', () => {
    const xml = actionDocument('x', 'n', { a: null, b: undefined, c: { d: 1 }, e: ['f', 'g'], h: true });
    expect(xml).toContain('<c><d>1</d></c><e>f</e><e>g</e><h>true</h>');
    expect(xml).not.toContain('<a>');
    expect(xml).not.toContain('<b>');
  });

  it('builds registration from the mutation input, so the signed fields equal it', () => {
    const input = withoutEmpty(registerInput({
      region: 'almaty', childIin: ' 220315670018 ', benefitCategory: 'NONE', benefitDocumentType: 'ignored', benefitDocumentNumber: '',
      email: 'aigerim@example.kz', phone: '+77011234567',
    }));
    expect(input).toEqual({ region: 'almaty', childIin: '220315670018', benefitCategory: 'NONE', email: 'aigerim@example.kz', phone: '+77011234567' });
    expect(actionDocument('registerApplication', 'n', { ...input })).toBe(
      '<action xmlns="urn:kezek:action:1"><name>registerApplication</name><nonce>n</nonce><region>almaty</region>'
        + '<childIin>220315670018</childIin><benefitCategory>NONE</benefitCategory><email>aigerim@example.kz</email>'
        + '<phone>+77011234567</phone></action>',
    );
  });

  it('keeps the benefit document with a benefit', () => {
    const input = withoutEmpty(registerInput({
      region: 'almaty', childIin: '230701571020', benefitCategory: 'PRIORITY', benefitDocumentType: 'Справка о многодетности',
      benefitDocumentNumber: 'MD-2026-00417', email: 'a@b.kz', phone: '+77011234567',
    }));
    expect(actionDocument('registerApplication', 'n', { ...input })).toContain(
      '<benefitDocumentType>Справка о многодетности</benefitDocumentType><benefitDocumentNumber>MD-2026-00417</benefitDocumentNumber>',
    );
  });

  it('refuses what is not a mutation name', () => {
    expect(() => actionDocument('<x>', 'n', {})).toThrow();
  });

  it('writes the login document', () => {
    expect(loginDocument('abc')).toBe('<login xmlns="urn:kezek:action:1"><nonce>abc</nonce></login>');
  });
});
