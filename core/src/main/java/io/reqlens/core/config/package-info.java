/**
 * The one configuration grammar (durations, sizes), the settings model and the strict readers every
 * Reqlens key uses: each key is one {@link io.reqlens.core.config.Setting} (YAML property,
 * environment key, parser, default, description), read through a {@link
 * io.reqlens.core.config.ConfigSource} from the environment or from a declarative configuration
 * file alike. An invalid value fails start-up naming the key or YAML path, the value and what is
 * accepted.
 *
 * <p>This package is internal and is not intended for public use; it may change at any time.
 */
package io.reqlens.core.config;
