// Popup entry: wires styles, document language and the app; nothing else.
import { render } from 'preact';
import '../ui/styles.css';
import './popup.css';
import { localiseDocument } from '../ui/i18n';
import { PopupApp } from './popup-app';

localiseDocument('popup_title');
render(<PopupApp />, document.getElementById('app')!);
