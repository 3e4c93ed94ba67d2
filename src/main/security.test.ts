import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY, isAllowedRequest, isAppUrl, isExternalWebUrl } from './security';

const rendererDir = join('/opt', 'assay', 'out', 'renderer');
const built = { rendererDir };
const dev = { rendererDir, devServerUrl: 'http://localhost:5173' };
const page = pathToFileURL(join(rendererDir, 'index.html')).href;

describe('isAppUrl', () => {
  it('accepts the built renderer page, with or without a route in the hash', () => {
    expect(isAppUrl(page, built)).toBe(true);
    expect(isAppUrl(`${page}#/article/abc/highlight/def`, built)).toBe(true);
    expect(isAppUrl(pathToFileURL(join(rendererDir, 'assets', 'index-abc.js')).href, built)).toBe(true);
  });

  it('refuses other files, including ones that only share a name prefix or escape with ..', () => {
    expect(isAppUrl(pathToFileURL('/home/me/Downloads/evil.html').href, built)).toBe(false);
    expect(isAppUrl(pathToFileURL(`${rendererDir}-evil/index.html`).href, built)).toBe(false);
    expect(isAppUrl(`file://${rendererDir}/../../secret.html`, built)).toBe(false);
    expect(isAppUrl(pathToFileURL(rendererDir).href, built)).toBe(false);
  });

  it('accepts the dev server only when there is one, and only its origin', () => {
    expect(isAppUrl('http://localhost:5173/', built)).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/article/x', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('https://example.com/', dev)).toBe(false);
  });

  it('refuses anything unparsable or of another scheme', () => {
    expect(isAppUrl('', built)).toBe(false);
    expect(isAppUrl('about:blank', built)).toBe(false);
    expect(isAppUrl('javascript:alert(1)', dev)).toBe(false);
  });
});

describe('isAllowedRequest', () => {
  it('lets the page load its own files and inline data, and nothing remote', () => {
    expect(isAllowedRequest(page, built)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', built)).toBe(true);
    expect(isAllowedRequest('https://tracker.example/pixel.gif', built)).toBe(false);
    expect(isAllowedRequest('ws://localhost:5173/', built)).toBe(false);
  });

  it('lets the dev server reload the page over its own socket', () => {
    expect(isAllowedRequest('ws://localhost:5173/?token=x', dev)).toBe(true);
    expect(isAllowedRequest('ws://evil.example:5173/', dev)).toBe(false);
  });
});

describe('isExternalWebUrl', () => {
  it('opens only http and https links in the browser', () => {
    expect(isExternalWebUrl('https://example.com/a')).toBe(true);
    expect(isExternalWebUrl('http://example.com/a')).toBe(true);
    expect(isExternalWebUrl('file:///etc/passwd')).toBe(false);
    expect(isExternalWebUrl('smb://server/share')).toBe(false);
    expect(isExternalWebUrl('not a url')).toBe(false);
  });
});

describe('the content security policy', () => {
  it('is the one index.html declares, so file:// pages (no headers) get the same rules', () => {
    const html = readFileSync(join(import.meta.dirname, '..', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });

  it('never allows eval, and loosens inline scripts only for the dev server', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(DEV_CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(DEV_CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'unsafe-inline';");
  });
});
