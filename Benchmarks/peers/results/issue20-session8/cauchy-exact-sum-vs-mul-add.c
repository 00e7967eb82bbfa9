#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <gmp.h>
#include <mpfr.h>
#define K 45
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+1e-9*t.tv_nsec;}
int main(int argc,char**argv){
  int prec=atoi(argv[1]); long reps=atol(argv[2]);
  int n=(prec+63)/64;
  mpfr_t a[K],b[K],t,acc,r2; gmp_randstate_t rs; gmp_randinit_default(rs);
  for(int i=0;i<K;i++){mpfr_init2(a[i],prec);mpfr_init2(b[i],prec);mpfr_urandomb(a[i],rs);mpfr_urandomb(b[i],rs);
    mpfr_mul_2si(a[i],a[i],-i*3,MPFR_RNDN);mpfr_mul_2si(b[i],b[i],-(K-i)*3,MPFR_RNDN); if(i%3==0) mpfr_neg(b[i],b[i],MPFR_RNDN);}
  mpfr_init2(t,prec);mpfr_init2(acc,prec);mpfr_init2(r2,prec);
  double t0=now();
  for(long r=0;r<reps;r++){mpfr_set_zero(acc,1);for(int j=0;j<K;j++){mpfr_mul(t,a[j],b[K-1-j],MPFR_RNDN);mpfr_add(acc,acc,t,MPFR_RNDN);}}
  double t1=now();
  // fixed point
  int W=2*n+8+ (K*3*2)/64+4; mp_limb_t pos[256],neg[256],prod[64],sh[64];
  mpz_t z;
  double t2=now();
  for(long r=0;r<reps;r++){
    long emin=1L<<60, emax=-(1L<<60);
    for(int j=0;j<K;j++){long e=mpfr_get_exp(a[j])+mpfr_get_exp(b[K-1-j]); if(e<emin)emin=e; if(e>emax)emax=e;}
    long base=emin-128*n; int W=(int)((emax-emin)/64)+2*n+3;
    memset(pos,0,W*8);memset(neg,0,W*8);
    for(int j=0;j<K;j++){mpfr_ptr x=a[j],y=b[K-1-j];
      long e=mpfr_get_exp(x)+mpfr_get_exp(y)-128*n-base; long q=e>>6; int s=e&63;
      mpn_mul_n(prod,x->_mpfr_d,y->_mpfr_d,n); mp_limb_t*src=prod; int len=2*n;
      if(s){sh[2*n]=mpn_lshift(sh,prod,2*n,s);src=sh;len=2*n+1;}
      mp_limb_t*A=(mpfr_sgn(x)*mpfr_sgn(y)>0)?pos:neg;
      mp_limb_t c=mpn_add_n(A+q,A+q,src,len); long i=q+len; while(c){A[i]+=1;c=(A[i]==0);i++;}
    }
    int sign=mpn_cmp(pos,neg,W); if(sign>=0) mpn_sub_n(pos,pos,neg,W); else mpn_sub_n(pos,neg,pos,W);
    mpz_roinit_n(z,pos,sign>=0?W:-W); mpfr_set_z_2exp(r2,z,base,MPFR_RNDN);
  }
  double t3=now();
  mpfr_ptr xs[K],ys[K]; for(int j=0;j<K;j++){xs[j]=a[j];ys[j]=b[K-1-j];}
  mpfr_t d; mpfr_init2(d,prec); mpfr_dot(d,xs,ys,K,MPFR_RNDN);
  printf("prec %d loop %.1f ns/term  fixed %.1f ns/term  equal-to-dot %d  loop-vs-dot %d\n",prec,(t1-t0)/reps/K*1e9,(t3-t2)/reps/K*1e9,mpfr_equal_p(d,r2),mpfr_equal_p(d,acc));
}
