// Refresh lists each user's auth events once per process, not once per resource: concurrent reads
// of the same user share one in-flight listing, later ones reuse its result (or its failure).
// The same once-per-key memo serves the per-region limit discovery (../cognito/regions.ts).
// No I/O of its own: the caller passes the function that starts a listing.

/** Memoizes one listing per key for the life of the process. */
export class ListingCache<T> {
  private readonly listings = new Map<string, Promise<T>>();

  /** The listing for `key`: `start()` runs on first use only; every later caller shares it. */
  get(key: string, start: () => Promise<T>): Promise<T> {
    let listing = this.listings.get(key);
    if (listing === undefined) {
      listing = start();
      this.listings.set(key, listing);
    }
    return listing;
  }
}
