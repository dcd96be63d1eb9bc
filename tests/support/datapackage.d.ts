/** The parts of the Frictionless `datapackage` library (no types of its own) the open-data test uses. */
declare module 'datapackage' {
  export class Package {
    static load(descriptor: string | object): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly resources: unknown[];
  }
}
