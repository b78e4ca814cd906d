// Registered by the service worker for the origins where the user turned on `window.ethereum`.
import { requestWindowEthereum } from './windowEthereum';

requestWindowEthereum(window);
