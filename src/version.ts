// okta-posture's version, as package.json states it (a test keeps the two equal).
export const VERSION = '0.1.0';

/** Where okta-posture lives: the tool's home in SARIF logs and the report schema's id. */
export const PROJECT_URL = 'https://github.com/okta-posture/okta-posture';
