<?php
/**
 * The block: cyber-spectrum/chart, rendered on the server by the same code as the shortcode. Its
 * attributes are the element's (camelCase, all strings); block-editor.js gives them settings in
 * the editor's sidebar.
 *
 * @package cyber-spectrum
 */

defined( 'ABSPATH' ) || exit;

function cyber_spectrum_register_block() {
	wp_register_script(
		'cyber-spectrum-block-editor',
		plugins_url( 'block-editor.js', CYBER_SPECTRUM_FILE ),
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
		CYBER_SPECTRUM_VERSION,
		true
	);
	// Where the editor finds the element (for its live preview) and the vocabularies (schema.js).
	wp_add_inline_script( 'cyber-spectrum-block-editor', 'window.cyberSpectrumAssets = ' . wp_json_encode( plugins_url( 'assets/', CYBER_SPECTRUM_FILE ) ) . ';', 'before' );
	$attributes = array();
	foreach ( cyber_spectrum_attributes() as $spec ) {
		$attributes[ $spec[0] ] = array( 'type' => 'string', 'default' => '' );
	}
	register_block_type(
		'cyber-spectrum/chart',
		array(
			'api_version'     => 2,
			'title'           => __( 'Cyber incidents chart', 'cyber-spectrum' ),
			'category'        => 'embed',
			'attributes'      => $attributes,
			'editor_script'   => 'cyber-spectrum-block-editor',
			'render_callback' => 'cyber_spectrum_render_block',
		)
	);
}

/** The block's attributes as the element's, then the same markup as the shortcode's. */
function cyber_spectrum_render_block( $attributes ) {
	$given = array();
	foreach ( cyber_spectrum_attributes() as $name => $spec ) {
		if ( isset( $attributes[ $spec[0] ] ) ) {
			$given[ $name ] = $attributes[ $spec[0] ];
		}
	}
	return cyber_spectrum_render( $given );
}
