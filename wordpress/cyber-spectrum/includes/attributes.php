<?php
/**
 * The chart's attributes as the shortcode and the block take them: each name (the element's own,
 * as www/cyber-spectrum.js and www/schema.js name them; tests/unit/wordpress.test.mjs keeps the
 * lists equal), its block attribute and the shape its value must have. The values themselves
 * (a country, a method, a legal reading) are checked by the element, which names a wrong one
 * inside the chart; here every value is cleaned with WordPress's sanitizers and must have its
 * shape, so nothing but a plain value ever reaches the page.
 *
 * @package cyber-spectrum
 */

defined( 'ABSPATH' ) || exit;

/** Element attribute => [block attribute, shape]. */
function cyber_spectrum_attributes() {
	return array(
		'view'            => array( 'view', 'word' ),
		'compare'         => array( 'compare', 'word' ),
		'context'         => array( 'context', 'word' ),
		'context-src'     => array( 'contextSrc', 'url' ),
		'from'            => array( 'from', 'year' ),
		'to'              => array( 'to', 'year' ),
		'initiators'      => array( 'initiators', 'countries' ),
		'targets'         => array( 'targets', 'countries' ),
		'methods'         => array( 'methods', 'words' ),
		'objectives'      => array( 'objectives', 'words' ),
		'target-types'    => array( 'targetTypes', 'words' ),
		'attribution'     => array( 'attribution', 'words' ),
		'responses'       => array( 'responses', 'words' ),
		'scope'           => array( 'scope', 'words' ),
		'min-severity'    => array( 'minSeverity', 'level' ),
		'max-severity'    => array( 'maxSeverity', 'level' ),
		'search'          => array( 'search', 'text' ),
		'reading'         => array( 'reading', 'word' ),
		'src'             => array( 'src', 'url' ),
		'format'          => array( 'format', 'word' ),
		'timeout'         => array( 'timeout', 'seconds' ),
		'theme'           => array( 'theme', 'word' ),
		'controls'        => array( 'controls', 'words' ),
		'height'          => array( 'height', 'pixels' ),
		'lang'            => array( 'lang', 'language' ),
		'dataset-version' => array( 'datasetVersion', 'version' ),
		'incident'        => array( 'incident', 'id' ),
	);
}

/** What each shape is, said to an author whose value does not have it. */
function cyber_spectrum_shape_text( $shape ) {
	$texts = array(
		'word'      => __( 'a single lower-case word such as timeline', 'cyber-spectrum' ),
		'year'      => __( 'a year such as 2013', 'cyber-spectrum' ),
		'countries' => __( 'countries separated by commas, such as PRK,KOR or North Korea', 'cyber-spectrum' ),
		'words'     => __( 'lower-case words separated by commas, such as wiper,ddos', 'cyber-spectrum' ),
		'level'     => __( 'a whole number such as 5', 'cyber-spectrum' ),
		'text'      => __( 'plain text of at most 100 characters', 'cyber-spectrum' ),
		'url'       => __( 'an http or https address of a data file (or a path on this site)', 'cyber-spectrum' ),
		'seconds'   => __( 'seconds, 1 to 600', 'cyber-spectrum' ),
		'pixels'    => __( 'the chart height in pixels, 200 to 2000', 'cyber-spectrum' ),
		'language'  => __( 'a language tag such as en-US', 'cyber-spectrum' ),
		'version'   => __( 'a dataset version such as 0.5.0', 'cyber-spectrum' ),
		'id'        => __( 'an incident id such as 2017-wannacry', 'cyber-spectrum' ),
	);
	return $texts[ $shape ];
}

/**
 * `$value` cleaned for `$shape`: the clean string, '' for an empty value, or null when it does not
 * have the shape (the caller names it and leaves it out).
 */
function cyber_spectrum_clean( $shape, $value ) {
	if ( is_bool( $value ) || is_array( $value ) || is_object( $value ) ) {
		return null;
	}
	$raw = trim( (string) $value );
	if ( '' === $raw ) {
		return '';
	}
	switch ( $shape ) {
		case 'word':
			$clean = sanitize_key( $raw );
			return ( $clean === $raw && preg_match( '/^[a-z][a-z-]{0,39}$/', $clean ) ) ? $clean : null;
		case 'words':
			$clean = sanitize_text_field( $raw );
			return ( $clean === $raw && preg_match( '/^[a-z][a-z-]*(\s*,\s*[a-z][a-z-]*)*$/', $clean ) && strlen( $clean ) <= 300 ) ? $clean : null;
		case 'countries':
			$clean = sanitize_text_field( $raw );
			return ( $clean === $raw && preg_match( "/^[\\p{L} .'()-]+(,[\\p{L} .'()-]+)*$/u", $clean ) && strlen( $clean ) <= 300 ) ? $clean : null;
		case 'text':
			$clean = sanitize_text_field( $raw );
			return ( $clean === $raw && strlen( $clean ) <= 100 ) ? $clean : null;
		case 'year':
			return preg_match( '/^\d{4}$/', $raw ) ? $raw : null;
		case 'level':
			return ( preg_match( '/^\d{1,2}$/', $raw ) ) ? (string) absint( $raw ) : null;
		case 'seconds':
			$n = preg_match( '/^\d{1,3}$/', $raw ) ? absint( $raw ) : 0;
			return ( $n >= 1 && $n <= 600 ) ? (string) $n : null;
		case 'pixels':
			$n = preg_match( '/^\d{3,4}$/', $raw ) ? absint( $raw ) : 0;
			return ( $n >= 200 && $n <= 2000 ) ? (string) $n : null;
		case 'url':
			$clean = esc_url_raw( $raw, array( 'http', 'https' ) );
			return ( '' !== $clean && $clean === $raw && preg_match( '#^(https?://|/)#i', $clean ) ) ? $clean : null;
		case 'language':
			return preg_match( '/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/', $raw ) ? $raw : null;
		case 'version':
			return preg_match( '/^\d{1,3}\.\d{1,3}(\.\d{1,3})?$/', $raw ) ? $raw : null;
		case 'id':
			return preg_match( '/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/', $raw ) ? $raw : null;
	}
	return null;
}
