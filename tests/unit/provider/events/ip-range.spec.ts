import assert from "node:assert/strict";
import fc from "fast-check";
import { inAnyRange, parseIpRange } from "../../../../provider/events/ip-range";

const range = (text: string) => parseIpRange(text) ?? assert.fail(`${text} is a range`);

describe("IP ranges for --ip: CIDR or a bare address, IPv4 and IPv6", () => {
  describe("GIVEN a range as typed THEN its canonical form", () => {
    const table: [string, string][] = [
      ["198.51.100.0/24", "198.51.100.0/24"],
      ["198.51.100.7/24", "198.51.100.0/24"],
      ["198.51.100.7", "198.51.100.7/32"],
      ["0.0.0.0/0", "0.0.0.0/0"],
      ["2001:db8::/32", "2001:db8::/32"],
      ["2001:DB8:0:0::1", "2001:db8::1/128"],
      ["2001:db8::1/48", "2001:db8::/48"],
      ["::/0", "::/0"],
      ["::ffff:198.51.100.0/120", "::ffff:198.51.100.0/120"],
    ];
    for (const [typed, canonical] of table) {
      it(`${typed} -> ${canonical}`, () => assert.equal(range(typed).text, canonical));
    }
  });

  describe("GIVEN text that is not one range THEN it is refused", () => {
    const refused = [
      "",
      "198.51.100",
      "198.51.100.0/33",
      "198.51.100.0/",
      "198.51.100.0/024",
      "198.51.100.0/-1",
      "/24",
      "127.1",
      "0x7f.0.0.1",
      "010.1.1.1",
      "256.1.1.1",
      " 198.51.100.0/24",
      "2001:db8::/129",
      "fe80::1%eth0",
      "[2001:db8::1]",
      "example.com",
      "198.51.100.0/24,203.0.113.0/24",
    ];
    for (const text of refused) {
      it(JSON.stringify(text), () => assert.equal(parseIpRange(text), undefined));
    }
  });

  describe("GIVEN an event's address WHEN matched THEN in or out of the ranges", () => {
    const ranges = [range("198.51.100.0/24"), range("2001:db8::/32")];
    const table: [string | undefined, boolean][] = [
      ["198.51.100.0", true],
      ["198.51.100.255", true],
      ["198.51.101.0", false],
      ["198.51.99.255", false],
      ["::ffff:198.51.100.23", true],
      ["2001:db8:ffff::1", true],
      ["2001:db9::1", false],
      [" 198.51.100.23 ", true],
      ["not an address", false],
      ["", false],
      [undefined, false],
    ];
    for (const [ip, expected] of table) {
      it(`${JSON.stringify(ip)} -> ${expected}`, () =>
        assert.equal(inAnyRange(ip, ranges), expected));
    }
    it("an IPv4 address is in an IPv4-mapped IPv6 range", () => {
      assert.equal(inAnyRange("198.51.100.9", [range("::ffff:198.51.100.0/120")]), true);
      assert.equal(inAnyRange("198.51.101.9", [range("::ffff:198.51.100.0/120")]), false);
    });
    it("no ranges match nothing", () => assert.equal(inAnyRange("198.51.100.1", []), false));
  });

  const octets = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));
  const toInt = (o: number[]) => ((o[0] << 24) | (o[1] << 16) | (o[2] << 8) | o[3]) >>> 0;

  it("GIVEN any IPv4 address and prefix THEN matching is the first bits being equal", () => {
    fc.assert(
      fc.property(octets, octets, fc.integer({ min: 0, max: 32 }), (net, addr, prefix) => {
        const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
        const expected = (toInt(net) & mask) >>> 0 === (toInt(addr) & mask) >>> 0;
        const r = range(`${net.join(".")}/${prefix}`);
        assert.equal(inAnyRange(addr.join("."), [r]), expected);
      }),
    );
  });

  it("GIVEN any IPv6 address THEN in its /128 and /64, in no other /128", () => {
    const group = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    const address = fc.array(group, { minLength: 8, maxLength: 8 }).map((g) => g.join(":"));
    fc.assert(
      fc.property(address, address, (a, b) => {
        assert.equal(inAnyRange(a, [range(a)]), true);
        assert.equal(inAnyRange(a, [range(`${a}/64`)]), true);
        const same = range(a).text === range(b).text;
        assert.equal(inAnyRange(b, [range(a)]), same);
      }),
    );
  });
});
