// Options entry: wires styles, document language and the app; nothing else.
import { render } from 'preact';
import '../ui/styles.css';
import './options.css';
import { localiseDocument } from '../ui/i18n';
import { OptionsApp } from './options-app';

localiseDocument('options_title');
render(<OptionsApp />, document.getElementById('app')!);
