/** electron/web/access.ts: the browser-mode access decision, request by request, without a server. */
import { describe, expect, it } from 'vitest';
import { cookieName, decideAccess, newAccessToken } from '../../electron/web/access';

const token = newAccessToken();
const config = { token, port: 5180 };
const host = { host: '127.0.0.1:5180' };
const cookie = { cookie: `other=1; ${cookieName(5180)}=${token}` };
const decide = (method: string, url: string, headers: Record<string, string>) =>
  decideAccess({ method, url, headers }, config);

describe('browser-mode access decision', () => {
  it('fresh random tokens, URL-safe', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newAccessToken()).not.toBe(token);
  });

  it('allows the cookie (among others) or a bearer token; refuses none, a wrong one, or the token of another port', () => {
    expect(decide('POST', '/api/app.status', { ...host, ...cookie })).toEqual({ kind: 'allow' });
    expect(decide('POST', '/api/app.status', { ...host, authorization: `Bearer ${token}` })).toEqual({
      kind: 'allow',
    });
    expect(decide('POST', '/api/app.status', host)).toMatchObject({ kind: 'refuse', status: 401 });
    expect(
      decide('POST', '/api/app.status', { ...host, cookie: `${cookieName(5180)}=${token.slice(1)}x` }),
    ).toMatchObject({ status: 401 });
    expect(
      decide('POST', '/api/app.status', { ...host, cookie: `${cookieName(5181)}=${token}` }),
    ).toMatchObject({ status: 401 });
  });

  it('the token in a POST URL is not an exchange (only a page load is)', () => {
    expect(decide('POST', `/api/app.status?token=${token}`, host)).toMatchObject({
      kind: 'refuse',
      status: 401,
    });
    expect(decide('GET', `/?token=${token}`, host)).toMatchObject({ kind: 'exchange', location: '/' });
  });

  it('Host, Origin and Sec-Fetch-Site come before the token', () => {
    expect(decide('GET', `/?token=${token}`, { host: 'evil.example' })).toMatchObject({ status: 421 });
    expect(decide('GET', `/?token=${token}`, { host: '127.0.0.1:5181' })).toMatchObject({ status: 421 });
    expect(decide('GET', '/', { host: 'localhost:5180', ...cookie })).toEqual({ kind: 'allow' });
    expect(decide('POST', '/api/x', { ...host, ...cookie, origin: 'null' })).toMatchObject({ status: 403 });
    expect(decide('POST', '/api/x', { ...host, ...cookie, origin: 'http://localhost:5180' })).toEqual({
      kind: 'allow',
    });
    expect(decide('POST', '/api/x', { ...host, ...cookie, 'sec-fetch-site': 'same-site' })).toMatchObject({
      status: 403,
    });
    expect(
      decide('GET', '/assets/a.js', {
        ...host,
        ...cookie,
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': 'no-cors',
      }),
    ).toMatchObject({ status: 403 });
    // A link from elsewhere may open the page; without the token it is still a 401.
    expect(
      decide('GET', '/', { ...host, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' }),
    ).toMatchObject({ status: 401 });
    expect(
      decide('GET', '/', { ...host, ...cookie, 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate' }),
    ).toEqual({ kind: 'allow' });
  });

  it('malformed URLs are 400 whatever the credentials', () => {
    for (const url of ['/%zz', '/%E0%A4%A', '/..%2f..%2fetc%2fpasswd', '/x%00.js', '/x%5c..%5cwin.ini']) {
      expect(decide('GET', url, { ...host, ...cookie }), url).toMatchObject({ kind: 'refuse', status: 400 });
    }
  });
});
