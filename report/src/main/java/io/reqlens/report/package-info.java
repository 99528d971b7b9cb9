/**
 * {@code reqlens report}: the entry point of the report command bundled in the extension jar
 * ({@code java -jar reqlens-javaagent-extension.jar report DIR}).
 */
package io.reqlens.report;
