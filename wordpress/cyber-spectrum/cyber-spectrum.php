<?php
/**
 * Plugin Name:       cyber-spectrum
 * Description:       State cyber incidents on the 0-10 escalation ladder, with the use-of-force and armed-attack thresholds of published legal readings: a [cyber_spectrum] shortcode and a block.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       cyber-spectrum
 *
 * @package cyber-spectrum
 */

defined( 'ABSPATH' ) || exit;

define( 'CYBER_SPECTRUM_VERSION', '0.1.0' );
define( 'CYBER_SPECTRUM_FILE', __FILE__ );

require_once __DIR__ . '/includes/attributes.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/block.php';

add_action( 'init', 'cyber_spectrum_register_script' );
add_action( 'init', 'cyber_spectrum_register_block' );
add_filter( 'script_loader_tag', 'cyber_spectrum_module_tag', 10, 3 );
add_shortcode( 'cyber_spectrum', 'cyber_spectrum_shortcode' );
