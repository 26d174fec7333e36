import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { StudioStore } from '../studio/studio.store';

/** "<page> · <studio>" as the document title, so screen readers and tabs say where one is. */
@Injectable()
export class AppTitleStrategy extends TitleStrategy {
  readonly #title = inject(Title);
  readonly #studio = inject(StudioStore);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const page = this.buildTitle(snapshot);
    const studio = this.#studio.name();
    this.#title.setTitle(page ? `${page} · ${studio}` : studio);
  }
}
