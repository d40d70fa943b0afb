/** Builds the absolute URLs under which images and audio are served. */
export class MediaUrls {
  constructor(private base: string) {}

  /** Set once the server listens, when no public URL is configured. */
  setBase(base: string): void {
    this.base = base.replace(/\/+$/, '');
  }

  image(name: string): string {
    return `${this.base}/media/images/${name}`;
  }

  audio(name: string): string {
    return `${this.base}/media/audio/${name}`;
  }
}
