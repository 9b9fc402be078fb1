<?php
/**
 * The chart's markup, shared by the shortcode and the block: the <cyber-spectrum> element with
 * every value cleaned and escaped, the module that defines it, and a note naming any value that
 * was left out.
 *
 * @package cyber-spectrum
 */

defined( 'ABSPATH' ) || exit;

/** The element's module, from the package this plugin bundles (assets/). */
function cyber_spectrum_register_script() {
	wp_register_script( 'cyber-spectrum', plugins_url( 'assets/cyber-spectrum.js', CYBER_SPECTRUM_FILE ), array(), CYBER_SPECTRUM_VERSION, true );
}

/** WordPress 6.1 prints classic scripts only: the element's is an ES module. */
function cyber_spectrum_module_tag( $tag, $handle, $src ) {
	if ( 'cyber-spectrum' !== $handle ) {
		return $tag;
	}
	return sprintf( '<script type="module" src="%s"></script>' . "\n", esc_url( $src ) );
}

/** A value shortened for a message (whole characters, at most 80). */
function cyber_spectrum_quote( $value ) {
	$value = is_scalar( $value ) ? (string) $value : gettype( $value );
	return mb_strlen( $value ) > 80 ? mb_substr( $value, 0, 79 ) . '…' : $value;
}

/**
 * The markup for element attributes `$given` (name => value, as an author wrote them) and the
 * problems found before (`$problems`: messages). A value that does not have its shape is left out
 * and named; nothing an author writes reaches the page unescaped.
 */
function cyber_spectrum_render( array $given, array $problems = array() ) {
	$known = cyber_spectrum_attributes();
	$attrs = '';
	foreach ( $known as $name => $spec ) {
		if ( ! array_key_exists( $name, $given ) ) {
			continue;
		}
		$clean = cyber_spectrum_clean( $spec[1], $given[ $name ] );
		if ( null === $clean ) {
			/* translators: 1: attribute name, 2: the value given, 3: what the value should be. */
			$problems[] = sprintf( __( '%1$s="%2$s" was left out: expected %3$s.', 'cyber-spectrum' ), $name, cyber_spectrum_quote( $given[ $name ] ), cyber_spectrum_shape_text( $spec[1] ) );
		} elseif ( '' !== $clean ) {
			$attrs .= sprintf( ' %s="%s"', $name, esc_attr( $clean ) );
		}
	}
	if ( ! file_exists( dirname( CYBER_SPECTRUM_FILE ) . '/assets/cyber-spectrum.js' ) ) {
		$problems[] = __( 'the plugin\'s chart files (assets/) are missing: install it from cyber-spectrum-wordpress.zip, which `make package` builds.', 'cyber-spectrum' );
	} else {
		wp_enqueue_script( 'cyber-spectrum' );
	}
	$note = '';
	if ( $problems ) {
		$items = '';
		foreach ( $problems as $problem ) {
			$items .= '<li>' . esc_html( $problem ) . '</li>';
		}
		$note = '<div class="cyber-spectrum-notice" role="note"><p>' . esc_html__( 'cyber-spectrum chart:', 'cyber-spectrum' ) . '</p><ul>' . $items . '</ul></div>';
	}
	return $note . '<cyber-spectrum' . $attrs . '></cyber-spectrum>';
}

/**
 * [cyber_spectrum view="timeline" initiators="PRK" from="2009" ...]: the element's attribute names
 * (target-types, or target_types as WordPress authors often write them).
 */
function cyber_spectrum_shortcode( $atts ) {
	$given    = array();
	$problems = array();
	$known    = cyber_spectrum_attributes();
	foreach ( (array) $atts as $key => $value ) {
		$name = is_int( $key ) ? '' : str_replace( '_', '-', strtolower( $key ) );
		if ( isset( $known[ $name ] ) ) {
			$given[ $name ] = $value;
		} else {
			/* translators: 1: what the author wrote, 2: the attributes there are. */
			$problems[] = sprintf( __( '"%1$s" is not an attribute of this chart (it takes %2$s).', 'cyber-spectrum' ), cyber_spectrum_quote( is_int( $key ) ? $value : $key ), implode( ', ', array_keys( $known ) ) );
		}
	}
	$defaults = array_fill_keys( array_keys( $known ), null );
	$given    = array_filter( shortcode_atts( $defaults, $given, 'cyber_spectrum' ), 'is_scalar' );
	return cyber_spectrum_render( $given, $problems );
}
