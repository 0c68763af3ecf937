/**
 * What a question is about, as opposed to the words it happens to share with the content.
 * People ask about the apps, devices and fears they have ("is WhatsApp safe in Minsk?");
 * a summary that stays on the question must pick the asked country's sentences on that
 * subject, and say so when there are none. Subjects the advisor covers carry `cues`
 * (words in a question that name the subject) and `evidence` (words, or groups of words
 * that must all occur, that put a content sentence on the subject). Out-of-scope subjects
 * (visas, weather …) carry only cues: the advisor says plainly what it covers instead.
 * Words are written naturally and folded by src/content/terms.ts when read (read-scope.ts).
 * MUST stay in sync with the subject questions of test/retrieval/eval-set.yaml (re-run
 * `npm run eval:retrieval` after changing a list).
 */

/** A subject of surveillance and device security the content base may speak about. */
export interface Subject {
  id: string;
  /** How a sentence names it: "The content base has nothing on ‹name› in Belarus". */
  name: string;
  cues: readonly string[];
  evidence: readonly string[];
}

/** A subject outside surveillance and device security: "I cover … not ‹name›". */
export interface OutOfScopeSubject {
  id: string;
  name: string;
  cues: readonly string[];
}

const MESSAGING_APPS = ['whatsapp', 'telegram', 'signal', 'viber', 'imessage', 'messenger', 'wechat', 'skype', 'facetime', 'bylock', 'totok', 'line app'];

/** The subjects of surveillance and device security; the first one a question cues names it in messages. */
export const SUBJECTS: readonly Subject[] = [
  {
    id: 'messaging',
    name: 'messaging apps',
    cues: [...MESSAGING_APPS, 'chat', 'chats', 'chatting', 'texting', 'text message', 'sms', 'message', 'messages', 'messaging'],
    evidence: [...MESSAGING_APPS, 'message', 'messages', 'messaging', 'chat', 'chats', 'sms', 'voip', 'encrypted app', 'encrypted apps', 'calling app', 'calling apps'],
  },
  {
    id: 'devices',
    name: 'carrying devices',
    cues: ['laptop', 'laptops', 'computer', 'notebook', 'phone', 'phones', 'smartphone', 'iphone', 'android', 'tablet', 'ipad', 'device', 'devices', 'usb', 'carry', 'bring', 'pack', 'border', 'customs', 'airport', 'unlock', 'passcode', 'loaner', 'burner', 'confiscate', 'confiscated', 'seized'],
    // Not "phone" or "device" alone: "phone numbers, device identifiers" are what SORM passes on, not what you carry.
    evidence: ['laptop', 'laptops', 'computer', 'tablet', 'usb', 'carry devices', 'clean device', 'clean phone', 'device search', 'border', 'borders', 'customs', 'airport', 'checkpoint', 'checkpoints', 'unlock', 'unlocked', 'passcode', 'password', 'passwords', 'loaner', 'burner', 'seized', 'confiscated', 'searched', 'inspect', 'full disk'],
  },
  {
    id: 'interception',
    name: 'calls and interception',
    cues: ['call', 'calls', 'calling', 'wiretap', 'wiretapping', 'tap', 'tapped', 'tapping', 'intercept', 'intercepted', 'interception', 'eavesdrop', 'eavesdropping', 'listen', 'listening', 'sorm', 'monitor', 'monitored', 'monitoring', 'spy', 'spying'],
    evidence: ['call', 'calls', 'wiretap', 'wiretapping', 'tap', 'tapping', 'intercept', 'intercepted', 'interception', 'eavesdrop', 'listen', 'sorm', 'monitor', 'monitored', 'monitoring', 'surveillance', 'spy', 'spying', 'lawful interception'],
  },
  {
    id: 'vpn',
    name: 'VPNs',
    cues: ['vpn', 'vpns', 'proxy', 'proxies', 'tor', 'tunnel', 'anonymiser', 'anonymizer', 'circumvention', 'circumvent'],
    evidence: ['vpn', 'vpns', 'proxy', 'proxies', 'tor', 'tunnel', 'anonymiser', 'anonymisers', 'anonymizer', 'circumvention', 'psiphon'],
  },
  {
    id: 'network',
    name: 'Wi-Fi and internet traffic',
    cues: ['wifi', 'wi fi', 'hotspot', 'network', 'internet', 'certificate', 'certificates', 'https', 'browser', 'website', 'websites', 'traffic', 'isp', 'dns'],
    evidence: ['wifi', 'wi fi', 'hotspot', 'network', 'networks', 'internet', 'certificate', 'certificates', 'https', 'browser', 'website', 'websites', 'traffic', 'provider', 'providers', 'dns', 'deep packet'],
  },
  {
    id: 'cameras',
    name: 'cameras and video surveillance',
    cues: ['camera', 'cameras', 'cctv', 'video', 'facial', 'face recognition', 'trassir'],
    evidence: ['camera', 'cameras', 'cctv', 'video', 'facial', 'face recognition', 'trassir', 'safe city'],
  },
  {
    id: 'social-media',
    name: 'social media and what you post',
    cues: ['facebook', 'twitter', 'instagram', 'youtube', 'tiktok', 'vk', 'social', 'post', 'posts', 'posting', 'criticise', 'criticize', 'criticising', 'criticizing', 'blog', 'blogger'],
    evidence: ['facebook', 'twitter', 'instagram', 'youtube', 'tiktok', 'vk', 'social', 'post', 'posts', 'posted', 'blogger', 'bloggers', 'online', 'critic', 'critics', 'criticism', 'criticising', 'extremism', 'channel', 'channels'],
  },
  {
    id: 'spyware',
    name: 'spyware and hacking',
    cues: ['spyware', 'pegasus', 'predator', 'malware', 'hack', 'hacked', 'hacking', 'hacker', 'virus', 'link', 'links'],
    evidence: ['spyware', 'pegasus', 'predator', 'malware', 'hack', 'hacked', 'hacking', 'exploit', 'exploits', 'link', 'links', 'nso', 'infected'],
  },
  {
    id: 'apps',
    name: 'apps and software you install',
    cues: ['app', 'apps', 'install', 'installed', 'installing', 'software', 'update', 'updates', 'profile'],
    evidence: ['app', 'apps', 'install', 'installed', 'software', 'update', 'updates', 'profile', 'profiles'],
  },
  {
    id: 'email',
    name: 'email',
    cues: ['email', 'emails', 'gmail', 'outlook', 'mailbox'],
    evidence: ['email', 'emails', 'mail', 'mailbox'],
  },
  {
    id: 'encryption',
    name: 'encryption',
    cues: ['encryption', 'encrypt', 'encrypted', 'decrypt', 'decryption'],
    evidence: ['encryption', 'encrypt', 'encrypted', 'decrypt', 'decrypted', 'decryption'],
  },
];

/**
 * Travel questions outside surveillance and device security. A question cues one of these
 * only when it cues no covered subject: "can I bring my drone's memory card through
 * customs?" is about carrying devices.
 */
export const OUT_OF_SCOPE: readonly OutOfScopeSubject[] = [
  { id: 'visas', name: 'visas', cues: ['visa', 'visas', 'evisa', 'entry permit', 'residence permit'] },
  { id: 'weather', name: 'the weather', cues: ['weather', 'temperature', 'rain', 'raining', 'snow', 'snowing', 'climate', 'forecast'] },
  { id: 'drones', name: 'drones', cues: ['drone', 'drones'] },
  { id: 'health', name: 'vaccinations and health', cues: ['vaccination', 'vaccinations', 'vaccine', 'vaccines', 'vaccinated', 'malaria', 'covid', 'medication', 'medicine', 'doctor', 'hospital'] },
  { id: 'money', name: 'money and exchange rates', cues: ['currency', 'exchange rate', 'cash', 'atm', 'tipping', 'tip restaurant'] },
  { id: 'flights', name: 'flights', cues: ['flight', 'flights', 'airline', 'airlines', 'lounge'] },
  { id: 'insurance', name: 'travel insurance', cues: ['insurance'] },
  { id: 'plugs', name: 'plugs and power', cues: ['plug', 'plugs', 'adapter', 'adapters', 'voltage', 'socket'] },
];

/**
 * Words that say how someone feels about a subject, not which one: "is WhatsApp *safe*",
 * "can I *take* my *work* laptop". They never put a sentence on the question by themselves.
 */
export const GENERIC_WORDS: readonly string[] = [
  'safe', 'safety', 'secure', 'security', 'risk', 'risks', 'risky', 'dangerous', 'danger', 'worry', 'worried', 'concern',
  'concerned', 'ok', 'okay', 'fine', 'good', 'bad', 'best', 'use', 'using', 'used', 'allowed', 'legal', 'illegal', 'take',
  'taking', 'work', 'company', 'business', 'personal', 'private', 'new', 'local', 'there', 'country', 'city', 'people', 'thing',
  'things', 'know', 'say', 'said', 'think', 'expect', 'happen', 'happens', 'happened', 'problem', 'issue', 'issues', 'still',
  // Verbs that ask what happens to the subject, not which subject: "is my email *read*", "are my calls *checked*".
  'read', 'see', 'seen', 'watch', 'watched', 'look', 'looked', 'check', 'checked', 'find', 'found', 'give', 'keep', 'open',
  'make', 'come', 'tell', 'allow', 'normal', 'common',
];
