import * as a11yAddonAnnotations from '@storybook/addon-a11y/preview';
import { setProjectAnnotations } from '@storybook/react-vite';
import * as previewAnnotations from './preview';

// The a11y annotations run axe on every story under test; `a11y.test: 'error'` in preview fails on violations.
setProjectAnnotations([a11yAddonAnnotations, previewAnnotations]);
