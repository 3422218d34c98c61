import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';

const meta: Meta = { title: 'Smoke', render: () => <p>ok</p> };
export default meta;
export const Renders: StoryObj = {
  play: async ({ canvasElement }) => expect(canvasElement.textContent).toBe('ok'),
};
