import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, inject, output, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { loadQrReader, type QrReader } from './qr-reader';

/** Pause between two looks at the camera's picture: quick enough to feel instant, light on a phone's battery. */
const READ_EVERY_MS = 150;

type CameraState = 'off' | 'starting' | 'on';

/**
 * The door's two ways in for a member's code: the camera, reading QR codes (the reader loads when the camera is
 * first opened), and a text field for hardware scanners, which type the code and Enter. Emits each code read;
 * the roster decides what a code seen twice means.
 */
@Component({
  selector: 'ff-door-scanner',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="camera-controls">
      @if (camera() === 'off') {
        <button mat-flat-button type="button" (click)="openCamera()">Scan with camera</button>
      } @else {
        <button mat-stroked-button type="button" (click)="closeCamera()">Stop camera</button>
      }
    </div>
    @if (cameraError(); as error) {
      <p class="ff-alert" role="alert">{{ error }}</p>
    }
    <div class="viewfinder" [hidden]="camera() === 'off'">
      <video #video playsinline muted aria-label="Camera picture"></video>
      @if (camera() === 'starting') {
        <p class="hint">Starting the camera…</p>
      } @else {
        <p class="hint">Hold the member's code in front of the camera.</p>
      }
    </div>
    <form class="typed" (submit)="submitTyped($event)">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Code from a scanner</mat-label>
        <input #typed matInput name="code" autocomplete="off" spellcheck="false" autocapitalize="off" />
      </mat-form-field>
      <button mat-stroked-button type="submit">Check in code</button>
    </form>
  `,
  styles: `
    :host {
      display: grid;
      gap: 12px;
    }
    .viewfinder {
      display: grid;
      justify-items: center;
      gap: 4px;
    }
    .viewfinder[hidden] {
      display: none;
    }
    video {
      width: min(100%, 480px);
      aspect-ratio: 4 / 3;
      border-radius: 12px;
      background: #000;
      object-fit: cover;
    }
    .hint {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .typed {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .typed mat-form-field {
      flex: 1 1 240px;
    }
  `,
})
export class DoorScanner {
  /** A code read from the camera or typed, trimmed. */
  readonly code = output<string>();

  protected readonly camera = signal<CameraState>('off');
  protected readonly cameraError = signal<string | null>(null);
  private readonly video = viewChild.required<ElementRef<HTMLVideoElement>>('video');
  private readonly typed = viewChild.required<ElementRef<HTMLInputElement>>('typed');
  #stream: MediaStream | null = null;
  /** Tells a reading loop of an earlier opening to stop. */
  #opening = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.closeCamera());
  }

  protected async openCamera(): Promise<void> {
    const opening = ++this.#opening;
    this.camera.set('starting');
    this.cameraError.set(null);
    try {
      // The camera first: without one (or without leave to use it) the reader's megabyte is not worth loading.
      const stream = await this.#startVideo();
      if (opening !== this.#opening) return stopTracks(stream);
      this.#stream = stream;
      const reader = await loadQrReader();
      if (opening !== this.#opening) return;
      const video = this.video().nativeElement;
      video.srcObject = stream;
      await video.play();
      this.camera.set('on');
      void this.#readWhileOpen(reader, video, opening);
    } catch (error) {
      if (opening !== this.#opening) return;
      this.closeCamera();
      this.cameraError.set(cameraProblem(error));
    }
  }

  protected closeCamera(): void {
    this.#opening += 1;
    if (this.#stream) stopTracks(this.#stream);
    this.#stream = null;
    const video = this.video().nativeElement;
    video.srcObject = null;
    this.camera.set('off');
  }

  protected submitTyped(event: Event): void {
    event.preventDefault();
    const input = this.typed().nativeElement;
    const code = input.value.trim();
    input.value = '';
    input.focus();
    if (code) this.code.emit(code);
  }

  #startVideo(): Promise<MediaStream> {
    if (!navigator.mediaDevices?.getUserMedia) return Promise.reject(new DOMException('No camera API', 'NotSupportedError'));
    return navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
  }

  async #readWhileOpen(reader: QrReader, video: HTMLVideoElement, opening: number): Promise<void> {
    while (opening === this.#opening) {
      if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
        try {
          for (const code of await reader.read(video)) if (opening === this.#opening && code.trim()) this.code.emit(code.trim());
        } catch {
          // A frame that could not be read (the camera still settling); the next one may be.
        }
      }
      await new Promise((resolve) => setTimeout(resolve, READ_EVERY_MS));
    }
  }
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/** Why the camera could not be used, and what to do instead. */
export function cameraProblem(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'The camera is not allowed. Allow it in the browser’s site settings, or type the code.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found. Type the code, or use a hardware scanner.';
    case 'NotReadableError':
      return 'The camera is in use by another app. Close it and try again.';
    case 'NotSupportedError':
      return 'This browser cannot use the camera here. Type the code, or use a hardware scanner.';
    default:
      return 'The code reader could not start. Type the code, or use a hardware scanner.';
  }
}
