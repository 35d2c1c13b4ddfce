import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readRecords } from '../readers/read-records.js';
import type { RawRecord } from '../readers/raw-record.js';

async function read(text: string, assumeTimezone?: string): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const record of readRecords(Readable.from([Buffer.from(text)]), 'csv', { preset: 'mailchimp_activity', presetContext: { assumeTimezone } })) out.push(record);
  return out;
}

/** The documented recipient id: `mc_` + 32 hex digits of SHA-256 over "<length>:<lower-cased address>". */
function recipient(email: string): string {
  return 'mc_' + createHash('sha256').update(`${email.length}:${email}`).digest('hex').slice(0, 32);
}

const values = (records: RawRecord[]) => records.map((r) => ('value' in r ? r.value : { error: r.error, line: r.line }));

describe('mailchimp_activity preset', () => {
  it('turns recipient rows below a title line into one event per action time, and refuses a count without its time', async () => {
    const text = [
      'Campaign activity: March newsletter',
      'Email Address,First Name,Last Name,Campaign ID,Campaign Title,Send Time,Opens,Last Open,Clicks,Last Click,Bounced,Bounce Type,Bounced At,Unsubscribed,Unsubscribed At',
      'ada@example.com,Ada,Lovelace,a1b2c3d4e5,March newsletter,2024-03-05 09:00:00,3,2024-03-05 10:15:00,1,2024-03-05 10:16:30,no,,,no,',
      'bob@example.com,Bob,Byte,a1b2c3d4e5,March newsletter,2024-03-05 09:00:00,0,,0,,yes,hard,2024-03-05 09:00:05,no,',
      'cy@example.com,Cy,Sea,a1b2c3d4e5,March newsletter,2024-03-05 09:00:00,2,,0,,no,,,no,',
      'Dee@Example.com,Dee,Dot,a1b2c3d4e5,March newsletter,2024-03-05 09:00:00,1,2024-03-06 08:00:00,0,,no,,,yes,2024-03-06 08:01:00',
    ].join('\n');
    const ada = recipient('ada@example.com');
    const bob = recipient('bob@example.com');
    const dee = recipient('dee@example.com');
    const event = (anonymous_id: string, type: string, timestamp: string, properties: Record<string, unknown> = {}) => ({
      event_id: expect.stringMatching(/^mc_[0-9a-f]{32}$/),
      type,
      timestamp,
      anonymous_id,
      campaign_id: 'a1b2c3d4e5',
      properties: { message_id: `a1b2c3d4e5/${anonymous_id}`, ...properties },
    });
    const records = await read(text, 'UTC');
    expect(values(records)).toEqual([
      event(ada, 'email_sent', '2024-03-05T09:00:00.000Z'),
      event(ada, 'email_open', '2024-03-05T10:15:00.000Z', { opens: 3 }),
      event(ada, 'email_click', '2024-03-05T10:16:30.000Z', { clicks: 1 }),
      event(bob, 'email_sent', '2024-03-05T09:00:00.000Z'),
      event(bob, 'email_bounce', '2024-03-05T09:00:05.000Z', { bounce_type: 'hard' }),
      { line: 5, error: 'mailchimp_activity: column "Opens" is "2" but no time says when: expected a "Last Open" column with a value' },
      event(dee, 'email_sent', '2024-03-05T09:00:00.000Z'),
      event(dee, 'email_open', '2024-03-06T08:00:00.000Z', { opens: 1 }),
      event(dee, 'email_unsubscribe', '2024-03-06T08:01:00.000Z'),
    ]);
    const ids = records.flatMap((r) => ('value' in r ? [r.value.event_id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    const again = (await read(text, 'UTC')).flatMap((r) => ('value' in r ? [r.value.event_id] : []));
    expect(again).toEqual(ids);
  });

  it('reads one row per action (the email-activity report) and refuses an unknown action or a row without a campaign', async () => {
    const text = [
      'Email Address,Campaign ID,Action,Timestamp,URL,Type',
      'ada@example.com,a1b2c3d4e5,open,2024-03-05T10:15:00+00:00,,',
      'ada@example.com,a1b2c3d4e5,click,2024-03-05T10:16:30+00:00,https://shop.example/spring,',
      'bob@example.com,a1b2c3d4e5,bounce,2024-03-05T09:00:05+00:00,,hard',
      'eve@example.com,a1b2c3d4e5,forward,2024-03-05T11:00:00+00:00,,',
      'fay@example.com,,open,2024-03-05T11:00:00+00:00,,',
    ].join('\n');
    const ada = recipient('ada@example.com');
    expect(values(await read(text))).toEqual([
      expect.objectContaining({ type: 'email_open', timestamp: '2024-03-05T10:15:00.000Z', anonymous_id: ada, campaign_id: 'a1b2c3d4e5', properties: { message_id: `a1b2c3d4e5/${ada}` } }),
      expect.objectContaining({ type: 'email_click', timestamp: '2024-03-05T10:16:30.000Z', properties: { message_id: `a1b2c3d4e5/${ada}`, url: 'https://shop.example/spring' } }),
      expect.objectContaining({ type: 'email_bounce', anonymous_id: recipient('bob@example.com'), properties: expect.objectContaining({ bounce_type: 'hard' }) }),
      { line: 5, error: 'mailchimp_activity: column "Action": unknown action "forward"; expected sent, open, click, bounce or unsub' },
      { line: 6, error: 'mailchimp_activity: no campaign: expected a "Campaign ID" or "Campaign Title" column with a value' },
    ]);
  });

  it('names the campaign by its title when the export has no id', async () => {
    const text = 'Email Address,Campaign Title,Send Time\nada@example.com,March newsletter,2024-03-05T09:00:00Z\n';
    expect(values(await read(text))).toEqual([expect.objectContaining({ type: 'email_sent', utm_campaign: 'March newsletter' })]);
  });
});
