<?php
// Run by wordpress.mjs with php-cli: `php setup.php install` installs WordPress into the test
// database (the site at CS_URL, an administrator), `php setup.php posts` activates the plugin and
// writes the posts read as JSON from stdin ([{slug, title, content}]) as the administrator,
// printing [{slug, id, url}].
$_SERVER['HTTP_HOST']   = parse_url( getenv( 'CS_URL' ), PHP_URL_HOST ) . ':' . parse_url( getenv( 'CS_URL' ), PHP_URL_PORT );
$_SERVER['REQUEST_URI'] = '/';
$step                   = $argv[1] ?? '';

if ( 'install' === $step ) {
	define( 'WP_INSTALLING', true );
	require getenv( 'CS_WP' ) . '/wp-load.php';
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	$result = wp_install( 'cyber-spectrum test site', 'editor', 'editor@example.org', false, '', getenv( 'CS_PASSWORD' ) );
	if ( empty( $result['user_id'] ) ) {
		fwrite( STDERR, "WordPress did not install\n" );
		exit( 1 );
	}
	echo "installed\n";
	exit( 0 );
}

if ( 'posts' === $step ) {
	require getenv( 'CS_WP' ) . '/wp-load.php';
	require_once ABSPATH . 'wp-admin/includes/plugin.php';
	$activated = activate_plugin( 'cyber-spectrum/cyber-spectrum.php' );
	if ( is_wp_error( $activated ) ) {
		fwrite( STDERR, 'the plugin did not activate: ' . $activated->get_error_message() . "\n" );
		exit( 1 );
	}
	// As the administrator saves in the editor: with unfiltered_html, so no kses filter stands
	// between a hostile value and the plugin, which must neutralise it itself.
	wp_set_current_user( 1 );
	kses_remove_filters();
	$made = array();
	foreach ( json_decode( stream_get_contents( STDIN ), true ) as $post ) {
		$id = wp_insert_post(
			array(
				'post_name'    => $post['slug'],
				'post_title'   => wp_slash( $post['title'] ),
				'post_content' => wp_slash( $post['content'] ), // wp_insert_post unslashes
				'post_status'  => 'publish',
			),
			true
		);
		if ( is_wp_error( $id ) ) {
			fwrite( STDERR, $id->get_error_message() . "\n" );
			exit( 1 );
		}
		$made[] = array( 'slug' => $post['slug'], 'id' => $id, 'url' => get_permalink( $id ) );
	}
	echo wp_json_encode( $made );
	exit( 0 );
}

fwrite( STDERR, "usage: php setup.php install|posts\n" );
exit( 2 );
