/**
 * Rendering the analysis as terminal text, JSON and a self-contained HTML page.
 *
 * <p>This package is internal and is not intended for public use; it may change at any time.
 */
package io.reqlens.report.internal.render;
