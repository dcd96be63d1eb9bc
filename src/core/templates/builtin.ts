import hebei2024 from '../../../resources/templates/hebei-2024.json';
import henan2024 from '../../../resources/templates/henan-2024.json';
import shaanxi2024 from '../../../resources/templates/shaanxi-2024.json';

/**
 * The template files the app ships (resources/templates). They are data like any bureau's file: the same
 * loader reads them, and a unit test keeps every one of them valid.
 */
export const BUILTIN_DOCUMENTS: readonly unknown[] = [henan2024, hebei2024, shaanxi2024];
