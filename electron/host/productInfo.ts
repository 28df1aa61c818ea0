// Name and version as the package declares them; bundled in at build time.
import packageJson from '../../package.json' with { type: 'json' };

export const productName: string = packageJson.productName;
export const productVersion: string = packageJson.version;
