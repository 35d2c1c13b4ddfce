// Step names read as stages, event types or session starts, and the 400s an unknown one gets.
import { describe, expect, it } from 'vitest';
import { ambiguityNotes, baseVocabulary, resolveStep, resolveSteps, unknownSteps } from './funnel-steps.js';

const vocabulary = baseVocabulary(['purchase', 'offline_purchase'], ['add_to_cart']);

describe('resolveStep', () => {
  it('reads a bare lifecycle stage as the stage, even where an event type has its name', () => {
    expect(resolveStep('lead', vocabulary)).toEqual({ name: 'lead', kind: 'stage', match: { kind: 'stage', stage: 'lead' } });
    expect(resolveStep('opportunity', vocabulary)?.kind).toBe('stage');
  });

  it('reads event:NAME and stage:NAME as said', () => {
    expect(resolveStep('event:lead', vocabulary)).toEqual({ name: 'event:lead', kind: 'event', match: { kind: 'event', type: 'lead' } });
    expect(resolveStep('stage:customer', vocabulary)).toEqual({ name: 'stage:customer', kind: 'stage', match: { kind: 'stage', stage: 'customer' } });
  });

  it("knows DATA.md's event types, the workspace's conversion types and the types its events hold", () => {
    for (const name of ['ad_impression', 'email_click', 'page_view', 'offline_purchase', 'add_to_cart']) {
      expect(resolveStep(name, vocabulary)).toEqual({ name, kind: 'event', match: { kind: 'event', type: name } });
    }
  });

  it('reads session_start as the start of a session', () => {
    expect(resolveStep('session_start', vocabulary)).toEqual({ name: 'session_start', kind: 'session_start', match: { kind: 'session_start' } });
  });

  it('matches names exactly: another case, a stage prefix on an event, an unknown type are nothing', () => {
    for (const name of ['Purchase', 'stage:purchase', 'event:checkout', 'checkout', 'lead ', '']) expect(resolveStep(name, vocabulary)).toBeUndefined();
  });
});

describe('resolveSteps', () => {
  it('names each unknown step by its position, with the names nearest to it', () => {
    const { steps, problems } = resolveSteps(['ad_clik', 'page_view', 'stage:opportunty', 'event:purchse', 'zzz'], vocabulary);
    expect(steps.map((s) => s.name)).toEqual(['page_view']);
    expect(problems).toEqual([
      { field: 'steps[0]', message: '"ad_clik" is neither an event type this workspace knows, a lifecycle stage nor session_start; did you mean ad_click?' },
      { field: 'steps[2]', message: '"stage:opportunty" names no lifecycle stage (lead, mql, sql, opportunity, customer, churned, reactivated); did you mean opportunity?' },
      { field: 'steps[3]', message: '"event:purchse" names no event type this workspace knows; did you mean purchase?' },
      { field: 'steps[4]', message: '"zzz" is neither an event type this workspace knows, a lifecycle stage nor session_start' },
    ]);
  });

  it('suggests a name once even where it is both an event type and a stage', () => {
    expect(resolveSteps(['lea'], vocabulary).problems[0].message).toMatch(/did you mean lead\?$/);
  });
});

describe('unknownSteps', () => {
  it('lists the names the vocabulary does not know (the caller then asks the warehouse for its stored types)', () => {
    expect(unknownSteps(['ad_click', 'add_to_cart', 'checkout_started', 'mql'], baseVocabulary(['purchase']))).toEqual(['add_to_cart', 'checkout_started']);
  });
});

describe('ambiguityNotes', () => {
  it('says which of two meanings a bare name was read as, once', () => {
    const { steps } = resolveSteps(['lead', 'mql', 'lead', 'event:lead', 'stage:lead'], vocabulary);
    expect(ambiguityNotes(steps, vocabulary)).toEqual(['"lead" is read as the lifecycle stage; write "event:lead" for the lead event']);
  });
});
