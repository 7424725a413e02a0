// Pure IP ranges for the `--ip` filter: CIDR ranges and bare addresses, IPv4 and IPv6, parsed and
// matched with ipaddr.js. Parsing is strict (four-part decimal IPv4, no zone ids, no legacy forms
// such as `127.1`), so what a user types means one range only.
import type * as Ipaddr from "ipaddr.js";

// Loaded on first use: `check` and `review` start without it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lib = () => require("ipaddr.js") as typeof Ipaddr;

type Address = Ipaddr.IPv4 | Ipaddr.IPv6;

/** A parsed `--ip` value: a network and its prefix length. */
export interface IpRange {
  /** The canonical text, e.g. `198.51.100.0/24` or `2001:db8::/32` (host bits cleared). */
  readonly text: string;
  readonly network: Address;
  readonly prefix: number;
}

const PREFIX = /^(?:0|[1-9]\d{0,2})$/;

function parseAddress(text: string): Address | undefined {
  const ipaddr = lib();
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  // A zone id (`fe80::1%eth0`) names an interface of one machine, not a place on the Internet.
  if (!text.includes("%") && ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text);
  return undefined;
}

/**
 * The range `text` names: `198.51.100.0/24`, `2001:db8::/32`, or a bare address (a /32 or /128).
 * Host bits are allowed and cleared (`198.51.100.7/24` is `198.51.100.0/24`).
 * @returns the range, or undefined when `text` is not one
 */
export function parseIpRange(text: string): IpRange | undefined {
  const slash = text.indexOf("/");
  const address = parseAddress(slash === -1 ? text : text.slice(0, slash));
  if (address === undefined) return undefined;
  const bits = address.kind() === "ipv4" ? 32 : 128;
  const prefixText = slash === -1 ? String(bits) : text.slice(slash + 1);
  const prefix = Number(prefixText);
  if (!PREFIX.test(prefixText) || prefix > bits) return undefined;
  const cidr = `${address.toString()}/${prefix}`;
  const ipaddr = lib();
  const network =
    address.kind() === "ipv4"
      ? ipaddr.IPv4.networkAddressFromCIDR(cidr)
      : ipaddr.IPv6.networkAddressFromCIDR(cidr);
  return { text: `${addressText(network)}/${prefix}`, network, prefix };
}

// IPv4-mapped addresses read as they are usually written (`::ffff:198.51.100.0`, RFC 5952).
function addressText(address: Address): string {
  return address.kind() === "ipv6" && (address as Ipaddr.IPv6).isIPv4MappedAddress()
    ? `::ffff:${(address as Ipaddr.IPv6).toIPv4Address().toString()}`
    : address.toString();
}

/**
 * The address Cognito reported, as ipaddr.js reads it (lenient: it is not typed by a person),
 * with an IPv4-mapped IPv6 address (`::ffff:198.51.100.7`) read as the IPv4 address it carries.
 */
function eventAddress(ip: string): Address | undefined {
  const ipaddr = lib();
  return ipaddr.isValid(ip) ? ipaddr.process(ip) : undefined;
}

/** True when `address` lies in `range`; an IPv4 address matches IPv4-mapped IPv6 ranges too. */
function inRange(address: Address, range: IpRange): boolean {
  if (address.kind() === range.network.kind()) {
    return address.match(range.network, range.prefix);
  }
  return (
    address.kind() === "ipv4" &&
    (address as Ipaddr.IPv4).toIPv4MappedAddress().match(range.network, range.prefix)
  );
}

/** True when `ip` (as Cognito reports it) lies in any of `ranges`; false for no or a bad address. */
export function inAnyRange(ip: string | undefined, ranges: readonly IpRange[]): boolean {
  const address = ip === undefined ? undefined : eventAddress(ip.trim());
  return address !== undefined && ranges.some((r) => inRange(address, r));
}
