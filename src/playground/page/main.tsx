import { render } from 'preact';
import { App } from './app.js';
import './styles.css';
import './render/blocks.css';
import './render/canvas.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
