# Interface strings of the Bielefeld site (Kurmanji).
site-title = Em entegrasyonê pêş dixin!
