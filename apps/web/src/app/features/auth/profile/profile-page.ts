import { TitleCasePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { AuthStore } from '../../../core/auth/auth.store';
import { ChangePasswordForm } from './change-password-form';
import { NameEditor } from './name-editor';
import { ProfileStore } from './profile.store';

/** The signed-in person's account: their name (editable), e-mail and role, and a new password. */
@Component({
  selector: 'ff-profile-page',
  imports: [MatCardModule, TitleCasePipe, NameEditor, ChangePasswordForm],
  providers: [ProfileStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './profile-page.html',
  styleUrls: ['./profile-details.scss', './profile-page.scss'],
})
export class ProfilePage {
  protected readonly auth = inject(AuthStore);
}
