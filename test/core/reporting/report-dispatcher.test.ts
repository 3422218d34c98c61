import {
  AppError,
  createReportDispatcher,
  createResilience,
  type ErrorRecord,
  type Reporter,
} from 'bulwark/core';
import { describe, expect, it, vi } from 'vitest';
import { makeRecord } from '../../helpers/make-record';

const record = (fingerprint: string, severity: AppError['severity'] = 'error') =>
  makeRecord(fingerprint, {}, severity);
const collector = () => {
  const reports: ErrorRecord[] = [];
  const reporter: Reporter = { name: 'collect', report: (r) => void reports.push(r) };
  return { reports, reporter };
};

describe('report dispatcher', () => {
  it('reports one fingerprint once per interval', () => {
    let t = 0;
    const { reports, reporter } = collector();
    const { dispatch } = createReportDispatcher({ reporters: [reporter], now: () => t });
    dispatch(record('a'));
    dispatch(record('a'));
    t = 59_999;
    dispatch(record('a'));
    t = 60_000;
    dispatch(record('a'));
    expect(reports).toHaveLength(2);
  });

  it('caps reports per minute across fingerprints', () => {
    let t = 0;
    const { reports, reporter } = collector();
    const { dispatch } = createReportDispatcher({
      reporters: [reporter],
      rateLimit: { maxPerMinute: 5 },
      now: () => t,
    });
    for (let i = 0; i < 10_000; i++) dispatch(record(`f${i}`));
    expect(reports).toHaveLength(5);
    t = 60_000;
    dispatch(record('later'));
    expect(reports).toHaveLength(6);
  });

  it('samples non-critical reports but always sends critical ones', () => {
    const { reports, reporter } = collector();
    const { dispatch } = createReportDispatcher({
      reporters: [reporter],
      sampleRate: 0.25,
      random: () => 0.5,
    });
    dispatch(record('error'));
    dispatch(record('critical', 'critical'));
    expect(reports.map((r) => r.fingerprint)).toEqual(['critical']);
  });

  it('skips severities below the minimum', () => {
    const { reports, reporter } = collector();
    const { dispatch } = createReportDispatcher({ reporters: [reporter] });
    dispatch(record('i', 'info'));
    dispatch(record('w', 'warning'));
    expect(reports.map((r) => r.fingerprint)).toEqual(['w']);
  });

  it('survives a reporter and an error hook that both throw', () => {
    const { reports, reporter } = collector();
    const broken: Reporter = {
      name: 'broken',
      report: () => {
        throw new Error('down');
      },
    };
    const { dispatch } = createReportDispatcher({
      reporters: [broken, reporter],
      onReporterError: () => {
        throw new Error('hook down');
      },
    });
    expect(() => dispatch(record('a'))).not.toThrow();
    expect(reports).toHaveLength(1);
  });

  it('hands reporters data that went through the redactor', () => {
    const redacted = vi.fn();
    const resilience = createResilience({
      reporters: [{ name: 'r', report: redacted }],
      reporting: { redact: { patterns: [/sk_live_\w+/g] } },
    });
    resilience.capture(new Error('charge failed'), { tags: { key: 'sk_live_abc123' }, userAction: 'pay' });
    const sent = redacted.mock.calls[0]![0] as ErrorRecord;
    expect(sent.context.userAction).toBe('pay');
    expect(sent.error.cause).toBeUndefined();
    expect(JSON.stringify(sent.context)).not.toContain('sk_live_abc123');
  });
});
