// Account lookups: Sheets' "account unknown" ('') stays '', but a throw (a missing OAuth scope) is never swallowed.
import { activeUserEmail, effectiveUserEmail } from '../../src/sheet/session';

const SCOPE_ERROR =
  'You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email';

function withSession(session: unknown, run: () => void): void {
  const g = globalThis as { Session?: unknown };
  const before = g.Session;
  g.Session = session;
  try {
    run();
  } finally {
    g.Session = before;
  }
}

const user = (email: string) => ({ getEmail: () => email });

describe('account lookups', () => {
  it('give the address lower-cased and trimmed', () => {
    withSession({ getActiveUser: () => user(' Clerk@TC.gov.cn '), getEffectiveUser: () => user('Owner@dz.gov.cn') }, () => {
      expect(activeUserEmail()).toBe('clerk@tc.gov.cn');
      expect(effectiveUserEmail()).toBe('owner@dz.gov.cn');
    });
  });

  it("give '' when Sheets hides the account, which callers stamp as 未知账号", () => {
    withSession({ getActiveUser: () => user(''), getEffectiveUser: () => user('') }, () => {
      expect(activeUserEmail()).toBe('');
      expect(effectiveUserEmail()).toBe('');
    });
  });

  it('throw when the manifest lacks the userinfo.email scope, instead of turning every account into an unknown one', () => {
    const refuse = () => {
      throw new Error(SCOPE_ERROR);
    };
    withSession({ getActiveUser: refuse, getEffectiveUser: refuse }, () => {
      expect(() => activeUserEmail()).toThrow('userinfo.email');
      expect(() => effectiveUserEmail()).toThrow('userinfo.email');
    });
  });
});
